// One autocannon run: fixed connections and duration on loopback; returns throughput and latency.
import autocannon from 'autocannon';
import { paced } from './paced.js';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Requests answered, and the run's wall time in seconds. */
  sent: number;
  seconds: number;
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  connections?: number;
  seconds?: number;
  /** A sequence each connection replays (autocannon `requests`), e.g. the turns of a conversation. */
  requests?: autocannon.Request[];
  /** Send exactly this many requests (as fast as the connections allow) instead of running for `seconds`. */
  amount?: number;
  /** Seconds before an unanswered request counts as a timeout (autocannon's default is 10). */
  timeoutSeconds?: number;
  /**
   * Seconds of the same load, not measured, before the measured run: the JIT, Fastify's lazily compiled
   * validators and serializers and the caches reach their steady state, as they would in a server that
   * has been up for a while. Every side of a ratio gets the same warm-up.
   */
  warmupSeconds?: number;
  /**
   * Offered load in requests per second over all connections, evenly spaced (bench/lib/paced.ts, latency
   * from each request's due time), for latency at a given throughput; without it every connection sends its
   * next request as soon as it has an answer.
   */
  rate?: number;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds && !options.amount)
    await load({ ...options, seconds: options.warmupSeconds, warmupSeconds: 0 });
  if (options.rate) {
    if (options.amount) throw new Error('a paced load runs for a duration, not an amount');
    return paced({ ...options, rate: options.rate });
  }
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    body: options.body,
    headers: { 'content-type': 'application/json', ...options.headers },
    connections: options.connections ?? 50,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
    ...(options.timeoutSeconds ? { timeout: options.timeoutSeconds } : {}),
    ...(options.requests ? { requests: options.requests } : {}),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    sent: result.requests.total,
    seconds: result.duration,
  };
}
