import { describe, expect, it } from 'vitest';
import { defaultLockoutPolicy, lockDelayMs } from './lockout.js';

describe('lockDelayMs', () => {
  it('is free for 4 failures, then 1 s, 2 s, 4 s … capped at 15 min', () => {
    const sut = (n: number) => lockDelayMs(n, defaultLockoutPolicy);
    expect([4, 5, 6, 7].map(sut)).toEqual([0, 1000, 2000, 4000]);
    expect(sut(15)).toBe(900_000);
    expect(sut(1000)).toBe(900_000);
  });
});
