// Cache port: JSON values with a TTL and an atomic per-key lock (dialog state, replay cache, tokens).

export interface LockOptions {
  /** The lock expires after this long even if its holder died. */
  ttlMs?: number;
  /** Give up (AppError 'conflict', code LOCKED) after waiting this long. */
  waitMs?: number;
}

export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs: number): Promise<void>;
  /** Sets only when the key is absent; true when this call set it (replay detection). */
  setIfAbsent<T>(key: string, value: T, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Runs `fn` while holding an exclusive lock on `key`, across processes for shared adapters. */
  withLock<R>(key: string, fn: () => Promise<R>, options?: LockOptions): Promise<R>;
  check(): Promise<void>;
  close(): Promise<void>;
}
