import { describe, expect, it } from 'vitest';
import { newId, prefixedId } from './ids.js';

describe('ids', () => {
  it('are UUIDv7: unique, and in creation order when sorted as text', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids.slice(0, 100))
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('carry a type prefix when asked', () => {
    expect(prefixedId('ord')).toMatch(/^ord_[0-9a-f]{8}-/);
  });
});
