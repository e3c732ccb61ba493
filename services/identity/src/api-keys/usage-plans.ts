// Usage plans: steady rate and burst (token bucket) and a quota per period, per key, with per-operation
// throttles as API Gateway's method throttling has them.

export type QuotaPeriod = 'DAY' | 'WEEK' | 'MONTH';

export interface Throttle {
  /** Requests per second, steady. */
  rateLimit: number;
  burstLimit: number;
}

export interface UsagePlan extends Throttle {
  name: string;
  quota: { limit: number; period: QuotaPeriod };
  /** Tighter throttles for some operations, by operationId. */
  methods?: Record<string, Throttle>;
}

/** The defaults the API contract documents; a deployment passes its own. */
export const defaultUsagePlans: Record<string, UsagePlan> = {
  basic: { name: 'basic', rateLimit: 5, burstLimit: 10, quota: { limit: 10_000, period: 'DAY' } },
  standard: { name: 'standard', rateLimit: 20, burstLimit: 40, quota: { limit: 100_000, period: 'DAY' } },
};
