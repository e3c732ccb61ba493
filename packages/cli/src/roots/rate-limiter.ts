// The API-key rate limiter: in memory for one process; on Redis (one bucket for every gateway instance)
// when the cache is Redis, falling back to per-instance buckets while Redis is down (docs/distributed.md).
import {
  createFallbackRateLimiter,
  createMemoryRateLimiter,
  createRedisRateLimiter,
  type RateLimiter,
} from '@concierge/gateway';
import type { Cache, Logger } from '@concierge/platform';
import type { Redis } from 'ioredis';

export function createRateLimiter(cache: Cache, logger: Logger, keyPrefix = 'concierge:'): RateLimiter {
  const redis = (cache as Cache & { client?: Redis }).client;
  if (!redis) return createMemoryRateLimiter();
  return createFallbackRateLimiter({
    primary: createRedisRateLimiter({ redis, prefix: `${keyPrefix}ratelimit:` }),
    fallback: createMemoryRateLimiter(),
    logger,
  });
}
