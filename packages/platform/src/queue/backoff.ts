// Retry delays: exponential growth with full jitter, so failing consumers never retry in lockstep.
import type { RetryPolicy } from '../ports/queue.js';

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 60_000 };

/** Delay before the delivery after failed `attempt` (1-based): uniform in [0, min(max, base·2^(attempt-1))). */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
