// A load at a steady offered rate, for latency at a given throughput: `connections` clients share one schedule
// of evenly spaced send times (request n is due at start + n / rate and goes to client n mod connections), each
// client sending its next request when it is due and its previous one is answered. Latency runs from the due
// time, not from the actual send, so a server that falls behind is charged for the wait it caused (the
// correction for coordinated omission that wrk2 makes).
//
// autocannon's `overallRate` is not used for this: each connection sends its share of a second back to back
// as fast as it is answered, then waits for the next second, so the server sees the whole second's load in a
// burst at saturation speed and the latencies are the saturated run's, whatever the rate.
import { Pool } from 'undici';
import type { LoadOptions, LoadResult } from './load.js';

/** A run at `rate` requests per second, as `load` describes it (a duration, not an amount; no warm-up of its own). */
export type PacedOptions = Omit<LoadOptions, 'amount' | 'warmupSeconds' | 'rate'> & { rate: number };

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function paced(options: PacedOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const connections = options.connections ?? 50;
  const seconds = options.seconds ?? 10;
  const timeoutMs = (options.timeoutSeconds ?? 10) * 1000;
  const pool = new Pool(target.origin, {
    connections,
    pipelining: 1,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const baseHeaders = { 'content-type': 'application/json', ...options.headers };
  const interval = 1000 / options.rate;
  // The first second is a ramp, not measured: the pool opens its connections and both sides' JIT warms up.
  const rampMs = 1000;
  const total = Math.round((options.rate * (seconds * 1000 + rampMs)) / 1000);
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const start = performance.now() + 50;
  const measuredFrom = start + rampMs;

  const client = async (index: number) => {
    const context: Record<string, unknown> = {};
    let step = 0;
    for (let n = index; n < total; n += connections) {
      const due = start + n * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      let request: Sent = {
        method: options.method ?? 'GET',
        path: target.pathname + target.search,
        headers: baseHeaders,
        body: options.body,
      };
      const script = options.requests?.[step % options.requests.length];
      step++;
      if (script) {
        const base = {
          method: script.method ?? request.method,
          path: script.path ?? request.path,
          headers: { ...baseHeaders, ...(script.headers as Record<string, string> | undefined) },
          body: (script.body as string | undefined) ?? request.body,
        };
        const setup = script.setupRequest as
          | ((r: typeof base, c: Record<string, unknown>) => typeof base)
          | undefined;
        request = setup ? setup(base, context) : base;
      }
      // From the due time, or from the send when a timer fired a little early.
      const from = Math.max(due, performance.now());
      try {
        const res = await pool.request({
          origin: target.origin,
          method: request.method as 'GET' | 'POST',
          path: request.path,
          headers: request.headers,
          ...(request.body !== undefined ? { body: request.body } : {}),
        });
        const text = await res.body.text();
        if (due >= measuredFrom) latencies.push(performance.now() - from);
        if (due >= measuredFrom && (res.statusCode < 200 || res.statusCode >= 300)) non2xx++;
        const onResponse = script?.onResponse as
          | ((status: number, body: string, c: Record<string, unknown>) => void)
          | undefined;
        onResponse?.(res.statusCode, text, context);
      } catch {
        if (due >= measuredFrom) errors++;
      }
    }
  };

  await Promise.all(Array.from({ length: connections }, (_, i) => client(i)));
  const elapsed = (performance.now() - measuredFrom) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / elapsed,
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
    errors,
    non2xx,
    sent: latencies.length,
    seconds: elapsed,
  };
}
