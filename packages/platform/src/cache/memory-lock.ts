// In-process per-key locks with a TTL, so a holder that hangs cannot block its key forever.
import { lockedError, waitAtMost } from './lock-options.js';

interface Holder {
  expiresAt: number;
  released: Promise<void>;
  signal: () => void;
}

export class KeyedLocks {
  private readonly holders = new Map<string, Holder>();

  /** Resolves with a release function once `key` is free (or its holder's TTL ran out). */
  async acquire(key: string, ttlMs: number, waitMs: number): Promise<() => void> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const now = Date.now();
      const current = this.holders.get(key);
      if (!current || current.expiresAt <= now) return this.take(key, now + ttlMs);
      if (now >= deadline) throw lockedError(key, waitMs);
      await waitAtMost(Math.min(current.expiresAt, deadline) - now, current.released);
    }
  }

  private take(key: string, expiresAt: number): () => void {
    let signal!: () => void;
    const released = new Promise<void>((resolve) => {
      signal = resolve;
    });
    const holder: Holder = { expiresAt, released, signal };
    this.holders.get(key)?.signal();
    this.holders.set(key, holder);
    return () => {
      // A holder whose TTL ran out must not release the lock its successor now holds.
      if (this.holders.get(key) === holder) this.holders.delete(key);
      holder.signal();
    };
  }
}
