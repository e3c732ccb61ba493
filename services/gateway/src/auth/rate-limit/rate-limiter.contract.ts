// The behaviour every RateLimiter adapter must show; run against the memory and the Redis adapter.
import { describe, expect, it } from 'vitest';
import { periodBounds, type RateLimiter } from './rate-limiter.js';

export function rateLimiterContract(
  name: string,
  make: () => RateLimiter,
  unique = () => `${Math.random()}`,
) {
  describe(`${name} rate limiter contract`, () => {
    it('allows the burst, then refuses with a retry time', async () => {
      const sut = make();
      const key = unique();
      const limit = { rate: 1, burst: 3 };
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await sut.take(key, limit));
      expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
      expect(results[3]!.retryAfterMs).toBeGreaterThan(0);
      expect(results[3]!.retryAfterMs).toBeLessThanOrEqual(1000);
      await sut.close();
    });

    it('counts a quota per period and refuses past it until the period ends', async () => {
      const sut = make();
      const key = unique();
      expect((await sut.quota(key, 2, 'DAY')).remaining).toBe(1);
      expect((await sut.quota(key, 2, 'DAY')).allowed).toBe(true);
      const over = await sut.quota(key, 2, 'DAY');
      expect(over.allowed).toBe(false);
      expect(over.retryAfterMs).toBeLessThanOrEqual(86_400_000);
      await sut.close();
    });
  });
}

describe('quota periods', () => {
  it('are UTC days, Monday weeks and calendar months', () => {
    const at = Date.parse('2026-11-27T15:00:00Z');
    expect(periodBounds(at, 'DAY')).toEqual({
      start: Date.parse('2026-11-27'),
      end: Date.parse('2026-11-28'),
    });
    expect(periodBounds(at, 'WEEK')).toEqual({
      start: Date.parse('2026-11-23'),
      end: Date.parse('2026-11-30'),
    });
    expect(periodBounds(at, 'MONTH')).toEqual({
      start: Date.parse('2026-11-01'),
      end: Date.parse('2026-12-01'),
    });
  });
});
