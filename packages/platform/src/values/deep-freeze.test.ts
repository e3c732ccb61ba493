import { describe, expect, it } from 'vitest';
import { deepFreeze, isDeeplyFrozen } from './deep-freeze.js';

describe('deepFreeze', () => {
  it('freezes the value and everything inside it, and remembers it', () => {
    const product = { id: 'p1', price: { amount: 100, currency: 'USD' }, tags: ['a', { deep: [1] }] };
    expect(deepFreeze(product)).toBe(product);
    expect(Object.isFrozen(product)).toBe(true);
    expect(Object.isFrozen(product.price)).toBe(true);
    expect(Object.isFrozen(product.tags)).toBe(true);
    expect(Object.isFrozen((product.tags[1] as { deep: number[] }).deep)).toBe(true);
    expect(isDeeplyFrozen(product)).toBe(true);
    expect(isDeeplyFrozen(product.price)).toBe(true);
  });

  it('does not count a value frozen some other way, or a primitive', () => {
    const shallow = Object.freeze({ price: { amount: 1 } });
    expect(isDeeplyFrozen(shallow)).toBe(false);
    expect(isDeeplyFrozen({})).toBe(false);
    expect(isDeeplyFrozen(null)).toBe(false);
    expect(isDeeplyFrozen('text')).toBe(false);
  });
});
