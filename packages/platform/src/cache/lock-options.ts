// Lock defaults and the one error every cache adapter raises when a lock cannot be had in time.
import { AppError } from '../errors/app-error.js';
import type { LockOptions } from '../ports/cache.js';

export const defaultLockTtlMs = 30_000;
export const defaultLockWaitMs = 10_000;

export function resolveLockOptions(options: LockOptions = {}): Required<LockOptions> {
  return { ttlMs: options.ttlMs ?? defaultLockTtlMs, waitMs: options.waitMs ?? defaultLockWaitMs };
}

export function lockedError(key: string, waitMs: number): AppError {
  return new AppError('conflict', `lock on ${key} still held after ${waitMs} ms`, { code: 'LOCKED' });
}

/** Waits `ms`, or less when `early` settles first; never leaves a timer behind. */
export function waitAtMost(ms: number, early?: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, ms));
    void early?.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
