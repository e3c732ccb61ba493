// LIKE patterns: wildcards in the caller's text are literal.
import { describe, expect, it } from 'vitest';
import { containsPattern } from './like-pattern.js';

describe('containsPattern', () => {
  it('lower-cases the text and wraps it for "contains"', () => {
    expect(containsPattern('Roses')).toBe('%roses%');
  });

  it('escapes the LIKE wildcards and the escape character itself', () => {
    expect(containsPattern('100%_off!')).toBe('%100!%!_off!!%');
  });

  it('leaves quotes and backslashes to parameter binding', () => {
    expect(containsPattern("a'b\\c")).toBe("%a'b\\c%");
  });
});
