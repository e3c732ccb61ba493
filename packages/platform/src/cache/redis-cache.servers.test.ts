// The Redis cache against the shared contract, plus cross-instance locking and key prefixing.
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { cacheContract, gate, redisTestCache, sleep } from '../testing/index.js';
import { createRedisCache } from './redis-cache.js';

const url = process.env.REDIS_URL;

describe.skipIf(!url)('redis cache', () => {
  cacheContract('redis', () => redisTestCache(url!));

  it('excludes a holder on another client of the same prefix', async () => {
    const one = await redisTestCache(url!);
    const two = createRedisCache({ url: url!, keyPrefix: one.prefix });
    try {
      const hold = gate();
      const holder = one.cache.withLock('conv', () => hold.promise);
      await sleep(30);
      await expect(two.withLock('conv', async () => {}, { waitMs: 100 })).rejects.toMatchObject({
        code: 'LOCKED',
      });
      hold.open();
      await holder;
      await expect(two.withLock('conv', async () => 'ok', { waitMs: 500 })).resolves.toBe('ok');
    } finally {
      await two.close();
      await one.dispose();
    }
  });

  it('stores keys under the prefix only', async () => {
    const fixture = await redisTestCache(url!);
    try {
      await fixture.cache.set('k', 'v', 10_000);
      const raw = new Redis(url!, { commandTimeout: 2_000 });
      expect(await raw.get(`${fixture.prefix}k`)).toBe('"v"');
      expect(await raw.exists('k')).toBe(0);
      await raw.quit();
    } finally {
      await fixture.dispose();
    }
  });
});
