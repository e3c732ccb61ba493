// Embedded cache: an LRU of JSON strings with per-entry TTL, plus in-process per-key locks.
import { LRUCache } from 'lru-cache';
import type { Cache, LockOptions } from '../ports/cache.js';
import { resolveLockOptions } from './lock-options.js';
import { KeyedLocks } from './memory-lock.js';

export interface MemoryCacheOptions {
  /** Least recently used entries are evicted beyond this many. */
  maxEntries?: number;
}

/**
 * A cache for one process. Values are stored as JSON, so reads return copies, exactly as from Redis.
 * @example
 * const cache = createMemoryCache({ maxEntries: 50_000 });
 * await cache.withLock(`dialog:${id}`, async () => saveTurn(id), { ttlMs: 10_000, waitMs: 2_000 });
 */
export function createMemoryCache(options: MemoryCacheOptions = {}): Cache {
  const entries = new LRUCache<string, string>({ max: options.maxEntries ?? 10_000 });
  const locks = new KeyedLocks();
  const encode = (value: unknown) => JSON.stringify(value) ?? 'null';
  return {
    async get<T>(key: string) {
      const raw = entries.get(key);
      return raw === undefined ? undefined : (JSON.parse(raw) as T);
    },
    async set(key, value, ttlMs) {
      entries.set(key, encode(value), { ttl: ttlMs });
    },
    async setIfAbsent(key, value, ttlMs) {
      if (entries.has(key)) return false;
      entries.set(key, encode(value), { ttl: ttlMs });
      return true;
    },
    async delete(key) {
      entries.delete(key);
    },
    async withLock<R>(key: string, fn: () => Promise<R>, lockOptions?: LockOptions) {
      const { ttlMs, waitMs } = resolveLockOptions(lockOptions);
      const release = await locks.acquire(key, ttlMs, waitMs);
      try {
        return await fn();
      } finally {
        release();
      }
    },
    async check() {},
    async close() {
      entries.clear();
    },
  };
}
