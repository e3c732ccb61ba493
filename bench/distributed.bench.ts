// Distributed-mode benchmarks (issue 7), needing NATS_URL (and DATABASE_URL, REDIS_URL for the topology):
// NATS JetStream queue throughput with 1 vs 2 consumers, GET and chat through 1 vs 2 gateway instances
// (direct to one gateway vs the balancer over two), the memory of every service process, and the order path
// through the outbox relay and the order workers (distributed-orders.bench.ts).
// BENCH_DIST_ONLY=orders runs only the order path (BENCH_DIST_ORDERS orders a phase, BENCH_DIST_IN_FLIGHT);
// BENCH_DIST_PORT fixes the topology's ports (the balancer's, the members' after it).
import fs from 'node:fs';
import { connectNats, createNatsQueue } from '@concierge/platform';
import { tempNats } from '@concierge/platform/testing';
import { call, signIn, startCluster } from '../packages/cli/src/distributed/chaos.fixture.js';
import { distributedOrderBenchmarks } from './distributed-orders.bench.js';
import { load } from './lib/load.js';
import type { BenchRow } from './run.js';

/** Sends `total` messages (256 in flight) while `consumers` workers ack them; messages per second end to end. */
async function queueRate(url: string, total: number, consumers: number): Promise<number> {
  const fixture = await tempNats(url);
  const extra = await Promise.all(Array.from({ length: consumers }, () => connectNats({ url })));
  const queues = extra.map((nc) => createNatsQueue({ nc, prefix: fixture.prefix }));
  const producer = createNatsQueue({ nc: fixture.nc, prefix: fixture.prefix });
  let done = 0;
  const started = performance.now();
  const finished = new Promise<void>((resolve) => {
    for (const q of queues)
      q.consume(
        'orders.placed',
        async () => {
          if (++done === total) resolve();
        },
        { concurrency: 128 },
      );
  });
  for (let i = 0; i < total; i += 256)
    await Promise.all(
      Array.from({ length: Math.min(256, total - i) }, (_, j) =>
        producer.send('orders.placed', { orderId: `o_${i + j}`, note: 'order placed' }, { id: `o_${i + j}` }),
      ),
    );
  await finished;
  const rate = (total / (performance.now() - started)) * 1000;
  for (const q of queues) await q.close();
  await producer.close();
  for (const nc of extra) await nc.close();
  await fixture.dispose();
  return rate;
}

const rssMiB = (pid: number | undefined) => {
  if (!pid) return 0;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

export async function distributedBenchmarks(): Promise<BenchRow[]> {
  const url = process.env.NATS_URL;
  if (!url || !process.env.DATABASE_URL || !process.env.REDIS_URL) {
    process.stderr.write(
      'distributed: set DATABASE_URL, REDIS_URL and NATS_URL (../shared/services/ensure.sh)\n',
    );
    return [];
  }
  const rows: BenchRow[] = [];
  const ordersOnly = process.env.BENCH_DIST_ONLY === 'orders';
  if (!ordersOnly) rows.push(...(await queueBenchmarks(url)));

  // BENCH_DIST_PORT: the balancer's port, the members' after it (a range of one's own on a shared machine).
  const port = process.env.BENCH_DIST_PORT ? Number(process.env.BENCH_DIST_PORT) : undefined;
  const cluster = await startCluster({ gateways: 2, workers: 2, ...(port ? { port } : {}) });
  try {
    const members = cluster.topology.members();
    for (const m of members)
      rows.push({
        name: `memory (RSS) of ${m.name}`,
        value: `${rssMiB(m.pid).toFixed(0)} MiB`,
        target: '—',
        pass: true,
      });
    if (!ordersOnly) rows.push(...(await gatewayBenchmarks(cluster.topology.url, members)));
    rows.push(...(await distributedOrderBenchmarks(cluster)));
  } finally {
    await cluster.dispose();
  }
  return rows;
}

async function queueBenchmarks(url: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const total = 20_000;
  const one = await queueRate(url, total, 1);
  const two = await queueRate(url, total, 2);
  rows.push({
    name: `NATS queue: ${total} messages sent and acked, 1 consumer (×128)`,
    value: `${Math.round(one)} msg/s`,
    target: '≥ 5,000/s',
    pass: one >= 5_000,
  });
  rows.push({
    name: 'NATS queue: same with 2 consumers on separate connections',
    value: `${Math.round(two)} msg/s (×${(two / one).toFixed(2)})`,
    target: '≥ 5,000/s',
    pass: two >= 5_000,
  });
  return rows;
}

async function gatewayBenchmarks(
  base: string,
  members: { name: string; port: number }[],
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const direct = `http://127.0.0.1:${members.find((m) => m.name === 'gateway-1')!.port}`;
  const auth = await signIn(base);
  const products = await call(base, '/v1/products?limit=1');
  if (products.status !== 200) throw new Error('topology not serving');
  for (const [what, path, method, body] of [
    ['GET /v1/products', '/v1/products?limit=5', 'GET', undefined],
    [
      'chat POST /v1/nlu',
      '/v1/nlu',
      'POST',
      JSON.stringify({
        messages: [
          {
            type: 'unstructured',
            unstructured: { id: '1', text: 'red roses for tomorrow', timestamp: new Date().toISOString() },
          },
        ],
      }),
    ],
  ] as const) {
    const single = await load({
      url: `${direct}${path}`,
      method,
      body,
      headers: auth,
      connections: 20,
      seconds: 8,
    });
    const double = await load({
      url: `${base}${path}`,
      method,
      body,
      headers: auth,
      connections: 20,
      seconds: 8,
    });
    rows.push({
      name: `${what}: 1 gateway (direct) vs 2 gateways (balancer)`,
      value: `${single.rps.toFixed(0)} → ${double.rps.toFixed(0)} req/s (×${(double.rps / single.rps).toFixed(2)}); p99 ${single.p99} → ${double.p99} ms; errors ${single.errors + single.non2xx}/${double.errors + double.non2xx}`,
      target: 'ratio, noisy machine',
      pass: true,
    });
  }
  return rows;
}
