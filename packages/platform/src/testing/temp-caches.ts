// Throwaway Redis caches for tests: a random key prefix per run, every key under it deleted afterwards.
import { randomBytes } from 'node:crypto';
import { createRedisCache } from '../cache/redis-cache.js';
import type { CacheFixture } from './cache-contract.js';

/** A Redis cache at `url` whose keys all start with a fresh `t_<random>:` prefix. */
export async function redisTestCache(url: string): Promise<CacheFixture & { prefix: string }> {
  const prefix = `t_${randomBytes(6).toString('hex')}:`;
  const cache = createRedisCache({ url, keyPrefix: prefix, maxReconnectAttempts: 2 });
  return {
    cache,
    prefix,
    async dispose() {
      let cursor = '0';
      do {
        const [next, keys] = await cache.client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        if (keys.length > 0) await cache.client.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await cache.close();
    },
  };
}
