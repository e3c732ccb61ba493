// The rate limiter of a scaled-out gateway when Redis fails. Decision: neither fail open (no limit at all)
// nor fail closed (refuse everyone because a cache is down): each gateway instance falls back to its own
// in-memory buckets, so limits still hold per instance (at most N× the plan with N instances) until Redis
// answers again. Every Redis call has a deadline, so a hung Redis costs at most `timeoutMs` per request,
// and after a failure Redis is left alone for `retryMs` (no deadline paid on each request meanwhile).
import type { Logger } from 'pino';
import type { BucketLimit, LimitDecision, QuotaPeriod, RateLimiter } from './rate-limiter.js';

export interface FallbackRateLimiterOptions {
  primary: RateLimiter;
  fallback: RateLimiter;
  timeoutMs?: number;
  retryMs?: number;
  logger?: Pick<Logger, 'warn' | 'info'>;
  now?: () => number;
}

export function createFallbackRateLimiter(options: FallbackRateLimiterOptions): RateLimiter & {
  degraded(): boolean;
} {
  const timeoutMs = options.timeoutMs ?? 250;
  const retryMs = options.retryMs ?? 2_000;
  const now = options.now ?? Date.now;
  let downUntil = 0;

  const decide = async (
    primary: () => Promise<LimitDecision>,
    fallback: () => Promise<LimitDecision>,
  ): Promise<LimitDecision> => {
    if (now() < downUntil) return fallback();
    let timer: NodeJS.Timeout | undefined;
    try {
      const decision = await Promise.race([
        primary(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`rate limiter: no answer within ${timeoutMs} ms`)),
            timeoutMs,
          );
        }),
      ]);
      if (downUntil !== 0) options.logger?.info('shared rate limiter is back');
      downUntil = 0;
      return decision;
    } catch (error) {
      if (downUntil === 0)
        options.logger?.warn(
          { err: error },
          'shared rate limiter unreachable: limits are per instance meanwhile',
        );
      downUntil = now() + retryMs;
      return fallback();
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    take: (key: string, limit: BucketLimit) =>
      decide(
        () => options.primary.take(key, limit),
        () => options.fallback.take(key, limit),
      ),
    quota: (key: string, limit: number, period: QuotaPeriod) =>
      decide(
        () => options.primary.quota(key, limit, period),
        () => options.fallback.quota(key, limit, period),
      ),
    degraded: () => now() < downUntil,
    async close() {
      await Promise.all([options.primary.close(), options.fallback.close()]);
    },
  };
}
