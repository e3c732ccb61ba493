// Foundation benchmarks: gateway GET and validated POST vs bare Fastify, start-up time, idle RSS, queue rate.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSqliteQueue, createSqliteStore } from '@concierge/platform';
import { type LoadResult, load } from './lib/load.js';
import { rssMb, start, waitFor } from './lib/processes.js';
import { observedGets } from './observed-gateway.js';
import type { BenchRow } from './run.js';

/** The validated POST's body: one new product (bench/tools/foundation-cpu.ts posts it too). */
export const productBody = JSON.stringify({
  name: 'Bench bouquet',
  description: 'Made by the benchmark',
  price: { amount: 4500, currency: 'USD' },
  imageUrl: '/images/products/bench.svg',
  tags: ['bench'],
  stock: 5,
});

const conciergeArgs = ['bin/concierge.js', 'start', '--seed-if-empty'];
const fmt = (r: LoadResult) => `${Math.round(r.rps)} req/s, p99 ${r.p99} ms`;

function env(dataDir: string, port: number): Record<string, string> {
  return { CONCIERGE_DATA_DIR: dataDir, CONCIERGE_PORT: String(port), CONCIERGE_LOG_FORMAT: 'json' };
}

async function httpRatios(dataDir: string): Promise<BenchRow[]> {
  const hello = start('node', ['bench/fixtures/hello-server.mjs'], { PORT: '3191' }, 3191);
  await waitFor(`${hello.url}/hello`);
  process.stderr.write('baseline: bare Fastify hello...\n');
  const base = await load({ url: `${hello.url}/hello`, warmupSeconds: 3 });
  await hello.stop();

  const sut = start('node', conciergeArgs, env(dataDir, 3192), 3192);
  await waitFor(`${sut.url}/readyz`, 60_000);
  const page = (await (await fetch(`${sut.url}/v1/products?limit=1`)).json()) as { items: { id: string }[] };
  const productId = page.items[0]?.id;
  process.stderr.write('gateway GET /v1/products/{id}...\n');
  const get = await load({ url: `${sut.url}/v1/products/${productId}`, warmupSeconds: 3 });
  process.stderr.write('gateway validated, JWT-authenticated POST /v1/products...\n');
  const signIn = await fetch(`${sut.url}/v1/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'operator@concierge.local', password: 'Concierge-demo-1' }),
  });
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const post = await load({
    warmupSeconds: 3,
    url: `${sut.url}/v1/products`,
    method: 'POST',
    body: productBody,
    headers: { authorization: `Bearer ${accessToken}` },
  });
  await sut.stop();
  const observed = await observedGets(dataDir, productId!);
  const errs = get.errors + get.non2xx + post.errors + post.non2xx;
  if (errs > 0) process.stderr.write(`warning: ${errs} failed requests during the gateway runs\n`);
  const getRatio = get.rps / base.rps;
  const postRatio = post.rps / base.rps;
  const metricsCost = observed.metrics.rps / get.rps;
  const tracedCost = observed.traced.rps / get.rps;
  const sampledCost = observed.sampled.rps / get.rps;
  return [
    {
      name: 'baseline: bare Fastify hello (50 connections, 10 s)',
      value: fmt(base),
      target: '—',
      pass: true,
    },
    {
      name: 'gateway GET /v1/products/{id}',
      value: `${fmt(get)} = ${getRatio.toFixed(2)}×`,
      target: '≥ 0.6×',
      pass: getRatio >= 0.6,
    },
    {
      name: 'gateway GET /v1/products/{id} with metrics on (vs the same GET without)',
      value: `${fmt(observed.metrics)} = ${metricsCost.toFixed(2)}× of plain`,
      target: '≥ 0.9×',
      pass: metricsCost >= 0.9,
    },
    {
      name: 'gateway GET /v1/products/{id} with metrics and every request traced (OTLP export)',
      value: `${fmt(observed.traced)} = ${tracedCost.toFixed(2)}× of plain, ${observed.exports} OTLP exports`,
      target: '≥ 0.6×',
      pass: tracedCost >= 0.6 && observed.exports > 0,
    },
    {
      name: 'gateway GET /v1/products/{id} with metrics and one trace in ten (OTEL_TRACES_SAMPLER_ARG=0.1)',
      value: `${fmt(observed.sampled)} = ${sampledCost.toFixed(2)}× of plain`,
      target: '≥ 0.8×',
      pass: sampledCost >= 0.8,
    },
    {
      name: 'gateway validated POST /v1/products (bearer JWT, SQLite insert)',
      value: `${fmt(post)} = ${postRatio.toFixed(2)}×`,
      target: '≥ 0.5×',
      pass: postRatio >= 0.5,
    },
  ];
}

/**
 * Start-up and idle memory of the seeded system, in a data folder of its own: the one the HTTP runs used
 * holds the POST run's hundreds of thousands of products, which is no longer the seeded system.
 */
async function startAndMemory(): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-start-'));
  try {
    // The first start seeds the demo data and trains the chat model; it is not measured.
    const seeding = start('node', conciergeArgs, env(dataDir, 3193), 3193);
    await waitFor(`${seeding.url}/readyz`, 120_000);
    await seeding.stop();
    return await measureStarts(dataDir);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureStarts(dataDir: string): Promise<BenchRow[]> {
  const times: number[] = [];
  let rss = 0;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const sut = start('node', conciergeArgs, env(dataDir, 3193), 3193);
    await waitFor(`${sut.url}/readyz`, 60_000);
    times.push(performance.now() - t0);
    if (i === 0) {
      await new Promise((r) => setTimeout(r, 3000));
      rss = rssMb(sut.child.pid!);
    }
    await sut.stop();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  return [
    {
      name: 'start (built) to first 200 on /readyz, median of 7',
      value: `${Math.round(median)} ms`,
      target: '< 1500 ms',
      pass: median < 1500,
    },
    {
      name: 'idle RSS of the embedded system (seeded)',
      value: `${rss.toFixed(0)} MB`,
      target: '< 150 MB',
      pass: rss < 150,
    },
  ];
}

async function queueRate(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-queue-'));
  const store = createSqliteStore({ file: path.join(dir, 'q.sqlite') });
  const queue = createSqliteQueue({ database: store });
  const n = 20_000;
  process.stderr.write(`queue: ${n} messages enqueue + consume + ack...\n`);
  const t0 = performance.now();
  let done = 0;
  const finished = new Promise<void>((resolve) => {
    queue.consume(
      'bench',
      async () => {
        done++;
        if (done === n) resolve();
      },
      { concurrency: 16 },
    );
  });
  for (let i = 0; i < n; i++) await queue.send('bench', { i });
  await finished;
  const rate = n / ((performance.now() - t0) / 1000);
  await queue.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return [
    {
      name: 'embedded queue enqueue + consume + ack',
      value: `${Math.round(rate)} msg/s`,
      target: '≥ 5000 msg/s',
      pass: rate >= 5000,
    },
  ];
}

export async function foundationBenchmarks(): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-data-'));
  try {
    return [...(await httpRatios(dataDir)), ...(await startAndMemory()), ...(await queueRate())];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
