// Applies an API key's usage plan: the key's bucket, the operation's tighter bucket if any, then the quota.
import { AppError } from '@concierge/platform';
import type { QuotaPeriod, RateLimiter } from './rate-limit/rate-limiter.js';
import type { UsageRecorder } from './usage-recorder.js';

export interface ThrottleLimits {
  rateLimit: number;
  burstLimit: number;
}

export interface UsagePlanLimits extends ThrottleLimits {
  name: string;
  quota?: { limit: number; period: QuotaPeriod };
  /** Per-operation throttles, by operationId. */
  methods?: Record<string, ThrottleLimits>;
}

const retryAfter = (ms: number) => ({ 'retry-after': String(Math.max(1, Math.ceil(ms / 1000))) });

export async function enforceUsagePlan(
  limiter: RateLimiter,
  keyId: string,
  plan: UsagePlanLimits,
  operationId: string,
  usage?: UsageRecorder,
): Promise<void> {
  const method = plan.methods?.[operationId];
  const buckets: Array<[string, ThrottleLimits]> = [[keyId, plan]];
  if (method) buckets.push([`${keyId}:${operationId}`, method]);
  for (const [key, limits] of buckets) {
    const decision = await limiter.take(key, { rate: limits.rateLimit, burst: limits.burstLimit });
    if (!decision.allowed) {
      usage?.record(keyId, 'throttled');
      throw new AppError('throttled', 'Too Many Requests', {
        code: 'THROTTLED',
        headers: retryAfter(decision.retryAfterMs),
      });
    }
  }
  if (!plan.quota) return usage?.record(keyId, 'allowed');
  const used = await limiter.quota(keyId, plan.quota.limit, plan.quota.period);
  usage?.record(keyId, used.allowed ? 'allowed' : 'throttled');
  if (!used.allowed) {
    throw new AppError(
      'throttled',
      `Limit Exceeded: the ${plan.quota.period.toLowerCase()}ly quota is used up`,
      {
        code: 'QUOTA_EXCEEDED',
        headers: retryAfter(used.retryAfterMs),
      },
    );
  }
}
