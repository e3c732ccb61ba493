// Shared cache: Redis through ioredis, with bounded timeouts and reconnects and token-checked locks.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logging/logger.js';
import type { Cache, LockOptions } from '../ports/cache.js';
import { lockedError, resolveLockOptions, waitAtMost } from './lock-options.js';

export interface RedisCacheOptions {
  url: string;
  /** Prepended to every key, so several deployments or test runs can share one server. */
  keyPrefix?: string;
  commandTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Reconnect attempts after a lost connection before the client gives up for good. */
  maxReconnectAttempts?: number;
  /** Pause between attempts to take a held lock (jittered). */
  lockRetryMs?: number;
  logger?: Pick<Logger, 'warn'>;
}

// Deletes the lock only when it still carries our token: after a TTL expiry it may belong to another holder.
const releaseScript = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * A cache shared by every process that uses the same server and prefix; locks hold across processes.
 * @example const cache = createRedisCache({ url: 'redis://cache:6379', keyPrefix: 'concierge:' });
 */
export function createRedisCache(options: RedisCacheOptions): Cache & { client: Redis } {
  const prefix = options.keyPrefix ?? '';
  const maxReconnects = options.maxReconnectAttempts ?? 10;
  const retryMs = options.lockRetryMs ?? 25;
  const client = new Redis(options.url, {
    commandTimeout: options.commandTimeoutMs ?? 2_000,
    connectTimeout: options.connectTimeoutMs ?? 5_000,
    maxRetriesPerRequest: 2,
    retryStrategy: (times) => (times > maxReconnects ? null : Math.min(100 * 2 ** times, 5_000)),
  });
  client.on('error', (error) => options.logger?.warn({ err: error }, 'redis connection error'));
  // Sent by its SHA1 (EVALSHA), the script text only when the server does not know it yet: a chat turn
  // releases a lock, and resending the script each time was a tenth of a turn's CPU with Redis state.
  client.defineCommand('releaseLock', { numberOfKeys: 1, lua: releaseScript });
  const releaseLock = (lockKey: string, token: string): Promise<unknown> =>
    (client as Redis & { releaseLock(key: string, token: string): Promise<unknown> }).releaseLock(
      lockKey,
      token,
    );
  const k = (key: string) => prefix + key;
  const encode = (value: unknown) => JSON.stringify(value) ?? 'null';

  async function acquire(lockKey: string, ttlMs: number, waitMs: number): Promise<string> {
    const token = randomUUID();
    const deadline = Date.now() + waitMs;
    for (;;) {
      if ((await client.set(lockKey, token, 'PX', ttlMs, 'NX')) === 'OK') return token;
      const left = deadline - Date.now();
      if (left <= 0) throw lockedError(lockKey.slice(prefix.length), waitMs);
      await waitAtMost(Math.min(left, retryMs * (0.5 + Math.random())));
    }
  }

  return {
    client,
    async get<T>(key: string) {
      const raw = await client.get(k(key));
      return raw === null ? undefined : (JSON.parse(raw) as T);
    },
    async set(key, value, ttlMs) {
      await client.set(k(key), encode(value), 'PX', ttlMs);
    },
    async setIfAbsent(key, value, ttlMs) {
      return (await client.set(k(key), encode(value), 'PX', ttlMs, 'NX')) === 'OK';
    },
    async delete(key) {
      await client.del(k(key));
    },
    async withLock<R>(key: string, fn: () => Promise<R>, lockOptions?: LockOptions) {
      const { ttlMs, waitMs } = resolveLockOptions(lockOptions);
      const lockKey = k(`lock:${key}`);
      const token = await acquire(lockKey, ttlMs, waitMs);
      try {
        return await fn();
      } finally {
        // A failed release must not mask fn's outcome; the lock then frees itself after its TTL.
        await releaseLock(lockKey, token).catch((error) =>
          options.logger?.warn({ err: error, key }, 'redis lock release failed'),
        );
      }
    },
    async check() {
      await client.ping();
    },
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
