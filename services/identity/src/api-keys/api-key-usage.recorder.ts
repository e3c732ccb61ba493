// Counts API-key requests in memory and writes them in batches, so the gateway's hot path never waits on
// SQL; `lastUsedAt` is written at most once a minute per key. Counts not yet flushed are lost on a crash.
import type { ApiKeyUsageRepository, DayUsage } from './api-key-usage.repository.js';

export interface UsageRecorderOptions {
  repository: ApiKeyUsageRepository;
  flushEveryMs?: number;
  lastUsedEveryMs?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

export interface ApiKeyUsageRecorder {
  record(keyId: string, outcome: 'allowed' | 'throttled'): void;
  /** Writes what is counted so far; reads call it first so a key's owner sees their own last requests. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);

export function createApiKeyUsageRecorder(options: UsageRecorderOptions): ApiKeyUsageRecorder {
  const { repository } = options;
  const now = options.now ?? Date.now;
  const lastUsedEveryMs = options.lastUsedEveryMs ?? 60_000;
  let pending = new Map<string, DayUsage>();
  let lastUsed = new Map<string, number>();
  const written = new Map<string, number>();

  async function flush(): Promise<void> {
    const counts = [...pending.values()];
    const uses = [...lastUsed];
    pending = new Map();
    lastUsed = new Map();
    await repository.add(counts);
    for (const [keyId, at] of uses) {
      if (at - (written.get(keyId) ?? 0) < lastUsedEveryMs) continue;
      written.set(keyId, at);
      await repository.touch(keyId, at);
    }
  }

  const timer = setInterval(
    () => flush().catch(options.onError ?? (() => {})),
    options.flushEveryMs ?? 5_000,
  );
  timer.unref();

  return {
    record(keyId, outcome) {
      const at = now();
      const day = utcDay(at);
      const id = `${keyId}|${day}`;
      const entry = pending.get(id) ?? { keyId, day, requests: 0, throttled: 0 };
      if (outcome === 'allowed') entry.requests++;
      else entry.throttled++;
      pending.set(id, entry);
      if (outcome === 'allowed') lastUsed.set(keyId, at);
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
