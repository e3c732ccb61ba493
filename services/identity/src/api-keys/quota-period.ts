// The UTC bounds of a quota period, as the gateway's rate limiter counts them (weeks start on Monday).
import type { QuotaPeriod } from './usage-plans.js';

export function quotaPeriodBounds(at: number, period: QuotaPeriod): { start: number; end: number } {
  const d = new Date(at);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (period === 'MONTH') return { start: Date.UTC(y, m, 1), end: Date.UTC(y, m + 1, 1) };
  const day = Date.UTC(y, m, d.getUTCDate());
  if (period === 'DAY') return { start: day, end: day + 86_400_000 };
  const start = day - ((d.getUTCDay() + 6) % 7) * 86_400_000;
  return { start, end: start + 7 * 86_400_000 };
}
