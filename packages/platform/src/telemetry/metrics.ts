// Prometheus metrics of one process: HTTP, queues (read at scrape), NLU latency, order outcomes, process defaults.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Queue } from '../ports/queue.js';

export interface MetricsOptions {
  /** Which services this process runs (`CONCIERGE_SERVICES`): a label on every series. */
  process: string;
  /** Gauges read at scrape give up after this long, so a stuck broker cannot hang Prometheus. */
  scrapeTimeoutMs?: number;
  onScrapeError?: (error: unknown, what: string) => void;
}

/** Records one operation's answers; made once per route so the request path only looks up a status. */
export interface RouteRecorder {
  observe(status: number, seconds: number): void;
}

export interface Metrics {
  registry: Registry;
  /** The recorder of one route, labelled with its OpenAPI operationId and the service that owns it. */
  route(service: string, operation: string, method: string): RouteRecorder;
  /** Seconds one NLU parse took. */
  nluParsed(seconds: number): void;
  /** An order settled (confirmed, failed, cancelled) with its reason when it failed. */
  orderSettled(status: string, reason?: string): void;
  /** Reports depth and dead letters of `names` at each scrape through the Queue port. */
  watchQueues(queue: Queue, names: readonly string[]): void;
  /** The exposition text; `contentType` goes with it. */
  scrape(): Promise<string>;
  contentType: string;
}

const durationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const nluBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1];

export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ process: options.process });
  collectDefaultMetrics({ register: registry });
  const http = new Histogram({
    name: 'concierge_http_request_duration_seconds',
    help: 'HTTP answers by owning service, OpenAPI operation, method and status (count = rate, status 5xx = errors)',
    labelNames: ['service', 'operation', 'method', 'status'],
    buckets: durationBuckets,
    registers: [registry],
  });
  const nlu = new Histogram({
    name: 'concierge_nlu_parse_duration_seconds',
    help: 'Time of one NLU parse (intent and entities of a chat message)',
    buckets: nluBuckets,
    registers: [registry],
  });
  const settled = new Counter({
    name: 'concierge_orders_settled_total',
    help: 'Orders settled by the payment worker, by status and failure reason',
    labelNames: ['status', 'reason'],
    registers: [registry],
  });
  const queues: { queue: Queue; name: string }[] = [];
  const timeoutMs = options.scrapeTimeoutMs ?? 2000;
  const read = async (what: string, fn: () => Promise<number>): Promise<number | undefined> => {
    try {
      return await withTimeout(fn(), timeoutMs, what);
    } catch (error) {
      options.onScrapeError?.(error, what);
      return undefined;
    }
  };
  const gaugeOf = (name: string, help: string, measure: (q: Queue, n: string) => Promise<number>) =>
    new Gauge({
      name,
      help,
      labelNames: ['queue'],
      registers: [registry],
      async collect() {
        this.reset();
        const values = await Promise.all(
          queues.map((w) => read(`${name} ${w.name}`, () => measure(w.queue, w.name))),
        );
        values.forEach((value, i) => {
          if (value !== undefined) this.set({ queue: queues[i]!.name }, value);
        });
      },
    });
  gaugeOf('concierge_queue_depth', 'Messages waiting or in flight per queue', (q, n) => q.depth(n));
  gaugeOf('concierge_queue_dead_letters', 'Messages in the dead-letter queue per queue', (q, n) =>
    q.deadLetters.count(n),
  );

  return {
    registry,
    contentType: registry.contentType,
    route(service, operation, method) {
      // Label objects per status are made once: prom-client keeps the first one it sees as the series' labels.
      const byStatus = new Map<number, Record<string, string>>();
      return {
        observe(status, seconds) {
          let labels = byStatus.get(status);
          if (!labels) {
            labels = { service, operation, method, status: String(status) };
            byStatus.set(status, labels);
          }
          http.observe(labels, seconds);
        },
      };
    },
    nluParsed(seconds) {
      nlu.observe(seconds);
    },
    orderSettled(status, reason) {
      settled.inc({ status, reason: reason ?? '' });
    },
    watchQueues(queue, names) {
      for (const name of names) queues.push({ queue, name });
    },
    scrape: () => registry.metrics(),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
