// The in-process rate limiter (embedded mode, one gateway): exact token buckets and period counters.
import {
  type BucketLimit,
  type LimitDecision,
  periodBounds,
  type QuotaPeriod,
  type RateLimiter,
} from './rate-limiter.js';

export interface MemoryRateLimiterOptions {
  /** Keys tracked at once; the least recently touched are forgotten first (which only ever loosens a limit). */
  maxKeys?: number;
  now?: () => number;
}

export function createMemoryRateLimiter(options: MemoryRateLimiterOptions = {}): RateLimiter {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 100_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const counters = new Map<string, number>();
  const touch = <V>(map: Map<string, V>, key: string, value: V) => {
    map.delete(key);
    map.set(key, value);
    if (map.size > maxKeys) map.delete(map.keys().next().value as string);
  };

  return {
    async take(key: string, limit: BucketLimit): Promise<LimitDecision> {
      const at = now();
      const bucket = buckets.get(key) ?? { tokens: limit.burst, at };
      const tokens = Math.min(limit.burst, bucket.tokens + ((at - bucket.at) * limit.rate) / 1000);
      const allowed = tokens >= 1;
      const left = allowed ? tokens - 1 : tokens;
      touch(buckets, key, { tokens: left, at });
      const retryAfterMs = allowed ? 0 : Math.ceil(((1 - left) * 1000) / limit.rate);
      return { allowed, retryAfterMs, remaining: Math.floor(left) };
    },
    async quota(key: string, limit: number, period: QuotaPeriod): Promise<LimitDecision> {
      const at = now();
      const { start, end } = periodBounds(at, period);
      const id = `${key}:${start}`;
      const count = (counters.get(id) ?? 0) + 1;
      touch(counters, id, count);
      const allowed = count <= limit;
      return { allowed, retryAfterMs: allowed ? 0 : end - at, remaining: Math.max(0, limit - count) };
    },
    async close() {
      buckets.clear();
      counters.clear();
    },
  };
}
