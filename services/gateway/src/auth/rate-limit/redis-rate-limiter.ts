// The shared rate limiter (distributed mode): each decision is one Lua script, atomic in Redis, timed by
// Redis's own clock so gateway instances with drifting clocks still share one bucket.
import type { Redis } from 'ioredis';
import {
  type BucketLimit,
  type LimitDecision,
  periodBounds,
  type QuotaPeriod,
  type RateLimiter,
} from './rate-limiter.js';

const takeScript = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or burst
local at = tonumber(b[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
local allowed = 0
local retry = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry = math.ceil((1 - tokens) * 1000 / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return {allowed, retry, math.floor(tokens)}
`;

const quotaScript = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIREAT', KEYS[1], ARGV[1]) end
return count
`;

export interface RedisRateLimiterOptions {
  redis: Redis;
  prefix?: string;
  now?: () => number;
}

export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const { redis } = options;
  const prefix = options.prefix ?? 'ratelimit:';
  const now = options.now ?? Date.now;
  return {
    async take(key: string, limit: BucketLimit): Promise<LimitDecision> {
      const [allowed, retryAfterMs, remaining] = (await redis.eval(
        takeScript,
        1,
        `${prefix}bucket:${key}`,
        limit.rate,
        limit.burst,
      )) as [number, number, number];
      return { allowed: allowed === 1, retryAfterMs, remaining };
    },
    async quota(key: string, limit: number, period: QuotaPeriod): Promise<LimitDecision> {
      const at = now();
      const { start, end } = periodBounds(at, period);
      const count = Number(await redis.eval(quotaScript, 1, `${prefix}quota:${key}:${start}`, end + 60_000));
      const allowed = count <= limit;
      return { allowed, retryAfterMs: allowed ? 0 : end - at, remaining: Math.max(0, limit - count) };
    },
    async close() {},
  };
}
