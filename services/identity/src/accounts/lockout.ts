// How long an address stays locked after repeated sign-in failures: doubling from 1 s, capped.

export interface LockoutPolicy {
  /** Failures allowed before the first lock. */
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const defaultLockoutPolicy: LockoutPolicy = {
  freeFailures: 5,
  firstDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
};

/** Lock duration after the `failures`-th failure; 0 while still within the free failures. */
export function lockDelayMs(failures: number, policy: LockoutPolicy): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 30);
  return Math.min(policy.firstDelayMs * 2 ** doublings, policy.maxDelayMs);
}
