// A key's usage as the contract's `Usage` has it: per-day counts over a range and the current quota period.
import { AppError } from '@concierge/platform';
import type { ApiKeyUsageRepository } from './api-key-usage.repository.js';
import { quotaPeriodBounds } from './quota-period.js';
import type { UsagePlan } from './usage-plans.js';

const dayMs = 86_400_000;
const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

export interface UsageRange {
  from?: string;
  to?: string;
}

export interface KeyUsage {
  keyId: string;
  from: string;
  to: string;
  days: Array<{ date: string; requests: number; throttled: number }>;
  quota: {
    limit: number;
    used: number;
    remaining: number;
    period: 'day' | 'week' | 'month';
    resetsAt: string;
  };
}

/** The last 30 days by default; at most 92 days, as the contract says. */
function range({ from, to }: UsageRange, at: number): { from: string; to: string } {
  const last = to ?? isoDay(at);
  const first = from ?? isoDay(Date.parse(last) - 29 * dayMs);
  const days = (Date.parse(last) - Date.parse(first)) / dayMs + 1;
  if (!(days >= 1 && days <= 92))
    throw AppError.invalid('from must not be after to, and the range is at most 92 days', [
      { field: 'query.from', message: 'must be within 92 days before to' },
    ]);
  return { from: first, to: last };
}

export async function keyUsage(
  repository: ApiKeyUsageRepository,
  keyId: string,
  plan: UsagePlan,
  asked: UsageRange,
  at: number,
): Promise<KeyUsage> {
  const { from, to } = range(asked, at);
  const stored = new Map((await repository.days(keyId, from, to)).map((d) => [d.day, d]));
  const days = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += dayMs) {
    const d = stored.get(isoDay(t));
    days.push({ date: isoDay(t), requests: d?.requests ?? 0, throttled: d?.throttled ?? 0 });
  }
  const period = quotaPeriodBounds(at, plan.quota.period);
  const inPeriod = await repository.days(keyId, isoDay(period.start), isoDay(period.end - dayMs));
  const used = inPeriod.reduce((sum, d) => sum + d.requests, 0);
  return {
    keyId,
    from,
    to,
    days,
    quota: {
      limit: plan.quota.limit,
      used,
      remaining: Math.max(0, plan.quota.limit - used),
      period: plan.quota.period.toLowerCase() as KeyUsage['quota']['period'],
      resetsAt: new Date(period.end).toISOString(),
    },
  };
}
