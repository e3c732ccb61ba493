// The decided behaviour of the shared rate limiter when Redis is down: per-instance limits, not none and
// not a refusal of everyone; shared limits again once Redis answers.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createFallbackRateLimiter } from './fallback-rate-limiter.js';
import { createMemoryRateLimiter } from './memory-rate-limiter.js';
import { createRedisRateLimiter } from './redis-rate-limiter.js';

const url = process.env.REDIS_URL;
const limit = { rate: 0.001, burst: 3 };

describe.skipIf(!url)('rate limiter with Redis down', () => {
  it('shares one bucket between two gateway instances while Redis is up', async () => {
    const prefix = `t_${randomBytes(5).toString('hex')}:`;
    const a = new Redis(url!, { commandTimeout: 2_000 });
    const b = new Redis(url!, { commandTimeout: 2_000 });
    try {
      const one = createFallbackRateLimiter({
        primary: createRedisRateLimiter({ redis: a, prefix }),
        fallback: createMemoryRateLimiter(),
      });
      const two = createFallbackRateLimiter({
        primary: createRedisRateLimiter({ redis: b, prefix }),
        fallback: createMemoryRateLimiter(),
      });
      const allowed = [];
      for (const limiter of [one, two, one, two, one])
        allowed.push((await limiter.take('key', limit)).allowed);
      expect(allowed).toEqual([true, true, true, false, false]);
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });

  it('falls back to per-instance limits when Redis does not answer, without waiting on it each time', async () => {
    // A Redis client whose server is gone: every command fails (nothing listens on the port).
    const down = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    const limiter = createFallbackRateLimiter({
      primary: createRedisRateLimiter({ redis: down }),
      fallback: createMemoryRateLimiter(),
      timeoutMs: 200,
      retryMs: 60_000,
    });
    const allowed = [];
    for (let i = 0; i < 5; i++) allowed.push((await limiter.take('key', limit)).allowed);
    expect(allowed).toEqual([true, true, true, false, false]);
    expect(limiter.degraded()).toBe(true);
    down.disconnect();
  });
});
