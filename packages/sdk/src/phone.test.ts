import { describe, expect, it } from 'vitest';
import { toE164 } from './phone.js';

describe('toE164', () => {
  it('reads a US number as people type it', () => {
    expect(toE164('212 555 0123')).toBe('+12125550123');
    expect(toE164('(212) 555-0123')).toBe('+12125550123');
    expect(toE164('212.555.0123')).toBe('+12125550123');
    expect(toE164('1-212-555-0123')).toBe('+12125550123');
  });

  it('keeps an international number with its country code', () => {
    expect(toE164('+12125550123')).toBe('+12125550123');
    expect(toE164(' +44 20 7946 0958')).toBe('+442079460958');
  });

  it('refuses what cannot be dialled', () => {
    expect(toE164('555 0123')).toBeUndefined();
    expect(toE164('+0 123 456 789')).toBeUndefined();
    expect(toE164('call me')).toBeUndefined();
    expect(toE164('')).toBeUndefined();
  });
});
