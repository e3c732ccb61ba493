// A minimal in-memory Cache for tests of the authorizers (the real adapters live on the adapters branch).
import type { Cache } from '@concierge/platform';

export function testCache(now: () => number = Date.now): Cache & { size(): number } {
  const entries = new Map<string, { value: unknown; expiresAt: number }>();
  const live = (key: string) => {
    const e = entries.get(key);
    if (e && e.expiresAt <= now()) entries.delete(key);
    return entries.get(key);
  };
  return {
    async get<T>(key: string) {
      return live(key)?.value as T | undefined;
    },
    async set(key, value, ttlMs) {
      entries.set(key, { value, expiresAt: now() + ttlMs });
    },
    async setIfAbsent(key, value, ttlMs) {
      if (live(key)) return false;
      entries.set(key, { value, expiresAt: now() + ttlMs });
      return true;
    },
    async delete(key) {
      entries.delete(key);
    },
    withLock: async (_key, fn) => fn(),
    async check() {},
    async close() {},
    size: () => entries.size,
  };
}
