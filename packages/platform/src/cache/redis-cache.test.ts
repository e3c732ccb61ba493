// Without a server: the Redis cache gives up after its bounded retries instead of queueing forever.
import { expect, it } from 'vitest';
import { createRedisCache } from './redis-cache.js';

it('rejects commands once its bounded reconnects to an absent server are spent', async () => {
  const cache = createRedisCache({
    url: 'redis://127.0.0.1:1',
    maxReconnectAttempts: 2,
    commandTimeoutMs: 500,
  });
  await expect(cache.get('k')).rejects.toThrow();
  await expect(cache.check()).rejects.toThrow();
  await cache.close();
});
