// Rate limiter port: token buckets (steady rate + burst) and quotas per calendar period (UTC).

export interface BucketLimit {
  /** Tokens added per second. */
  rate: number;
  /** Bucket size: requests allowed at once after a quiet spell. */
  burst: number;
}

export type QuotaPeriod = 'DAY' | 'WEEK' | 'MONTH';

export interface LimitDecision {
  allowed: boolean;
  /** When refused: how long until a request would pass. */
  retryAfterMs: number;
  remaining: number;
}

export interface RateLimiter {
  take(key: string, limit: BucketLimit): Promise<LimitDecision>;
  /** Counts one request against `limit` for the current period. */
  quota(key: string, limit: number, period: QuotaPeriod): Promise<LimitDecision>;
  close(): Promise<void>;
}

/** Start and end (epoch ms) of the UTC period holding `now`; weeks start on Monday as API Gateway's do. */
export function periodBounds(now: number, period: QuotaPeriod): { start: number; end: number } {
  const d = new Date(now);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (period === 'MONTH') return { start: Date.UTC(y, m, 1), end: Date.UTC(y, m + 1, 1) };
  const day = Date.UTC(y, m, d.getUTCDate());
  if (period === 'DAY') return { start: day, end: day + 86_400_000 };
  const start = day - ((d.getUTCDay() + 6) % 7) * 86_400_000;
  return { start, end: start + 7 * 86_400_000 };
}
