// Backoff doubles per attempt, is capped, and is spread by full jitter.
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.js';

const policy = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1_000 };

describe('retryDelayMs', () => {
  it('doubles the ceiling each attempt', () => {
    const top = () => 0.999_999;
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, policy, top))).toEqual([99, 199, 399, 799]);
  });

  it('never exceeds maxDelayMs', () => {
    expect(retryDelayMs(30, policy, () => 0.999_999)).toBe(999);
  });

  it('spreads delays over the whole range (full jitter)', () => {
    expect(retryDelayMs(3, policy, () => 0)).toBe(0);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(200);
  });
});
