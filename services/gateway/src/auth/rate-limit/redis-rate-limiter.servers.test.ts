import { Redis } from 'ioredis';
import { afterAll, describe } from 'vitest';
import { rateLimiterContract } from './rate-limiter.contract.js';
import { createRedisRateLimiter } from './redis-rate-limiter.js';

const url = process.env.REDIS_URL;

describe.skipIf(!url)('Redis rate limiter', () => {
  const redis = new Redis(url ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
  afterAll(() => redis.quit());
  rateLimiterContract('redis', () => createRedisRateLimiter({ redis, prefix: `test:${process.pid}:` }));
});
