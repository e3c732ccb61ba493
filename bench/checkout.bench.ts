// Checkout benchmarks (issue 4): 202 acceptance rate and p99 under load, the worker's drain rate, and
// accepted → decided latency, all in the embedded mode (one process, one SQLite file).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type LoadOptions, load } from './lib/load.js';
import { start, waitFor } from './lib/processes.js';
import type { BenchRow } from './run.js';

const port = 3194;

async function json(url: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  return (await res.json()) as Record<string, unknown>;
}

async function signIn(base: string, email: string): Promise<string> {
  const body = JSON.stringify({ email, password: 'Concierge-demo-1' });
  return (await json(`${base}/v1/auth/signin`, { method: 'POST', body })).accessToken as string;
}

function counts(file: string): { total: number; decided: number; p50: number; p99: number } {
  const db = new Database(file, { readonly: true });
  const total = (db.prepare('select count(*) n from orders_order').get() as { n: number }).n;
  const rows = db
    .prepare("select created_at, updated_at from orders_order where status in ('confirmed', 'failed')")
    .all() as { created_at: string; updated_at: string }[];
  db.close();
  const latencies = rows
    .map((r) => Date.parse(r.updated_at) - Date.parse(r.created_at))
    .sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { total, decided: rows.length, p50: at(0.5), p99: at(0.99) };
}

/** Polls the counts every `pollMs` until every order is decided or `deadline` (epoch ms) has passed. */
async function allDecided(file: string, deadline: number, pollMs: number) {
  let snapshot = counts(file);
  while (snapshot.decided < snapshot.total && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, pollMs));
    snapshot = counts(file);
  }
  return snapshot;
}

/**
 * Prepares a running system for a checkout load: the customer's token and a checkout body for a product whose
 * stock covers every order. Also used by `bench/tools/checkout-cpu.ts`.
 */
export async function prepareCheckouts(url: string): Promise<{ customer: string; body: string }> {
  const operator = await signIn(url, 'operator@concierge.local');
  const customer = await signIn(url, 'demo@concierge.local');
  const page = await json(`${url}/v1/products?inStock=true&limit=1`);
  const productId = (page.items as { id: string }[])[0]!.id;
  await json(`${url}/v1/products/${productId}`, {
    method: 'PATCH',
    body: JSON.stringify({ stock: 1_000_000 }),
    headers: { authorization: `Bearer ${operator}` },
  });
  const deliveryDate = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const body = JSON.stringify({
    productId,
    deliveryAddress: '350 5th Ave, New York, NY 10118',
    deliveryDate,
  });
  return { customer, body };
}

/** 50 connections (unless `more` says otherwise) placing the prepared checkout as the prepared customer. */
export function placeCheckouts(
  url: string,
  prepared: { customer: string; body: string },
  more: Omit<LoadOptions, 'url' | 'method' | 'body' | 'headers'> = {},
) {
  return load({
    url: `${url}/v1/checkout`,
    method: 'POST',
    body: prepared.body,
    headers: { authorization: `Bearer ${prepared.customer}` },
    ...more,
  });
}

/** Starts a seeded system in a fresh folder and prepares a product with stock for every order. */
async function prepared(dataDir: string) {
  const env = { CONCIERGE_DATA_DIR: dataDir, CONCIERGE_PORT: String(port), CONCIERGE_LOG_LEVEL: 'warn' };
  const sut = start('node', ['bin/concierge.js', 'start', '--seed-if-empty'], env, port);
  await waitFor(`${sut.url}/readyz`, 60_000);
  return { sut, ...(await prepareCheckouts(sut.url)) };
}

/** 20,000 orders fired at once: how long acceptance and drain take, and that none is lost or charged twice. */
export async function spikeBenchmarks(): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-spike-'));
  const { sut, ...checkout } = await prepared(dataDir);
  try {
    const n = 20_000;
    process.stderr.write(`spike: ${n} checkouts, 200 connections, as fast as accepted...\n`);
    const started = Date.now();
    const fired = await placeCheckouts(sut.url, checkout, {
      connections: 200,
      amount: n,
      timeoutSeconds: 60,
    });
    const acceptSeconds = (Date.now() - started) / 1000;
    const accepted = fired.sent - fired.non2xx;
    const file = path.join(dataDir, 'concierge.sqlite');
    const snapshot = await allDecided(file, started + 900_000, 1000);
    const drainSeconds = (Date.now() - started) / 1000;
    const db = new Database(file, { readonly: true });
    const charged = db
      .prepare("select count(*) n from payments_sandbox_charge where status = 'succeeded'")
      .get() as { n: number };
    const confirmed = (
      db.prepare("select count(*) n from orders_order where status = 'confirmed'").get() as { n: number }
    ).n;
    db.close();
    const lost = accepted - snapshot.total;
    // The charge's idempotency key is the order id: more successful charges than confirmed orders would be a double charge.
    const doubled = Math.max(0, charged.n - confirmed);
    return [
      {
        name: `spike: ${n} checkouts fired at once (200 connections)`,
        value: `${accepted} accepted (202) in ${acceptSeconds.toFixed(1)} s, ${fired.errors + fired.non2xx} refused or timed out`,
        target: 'all accepted within 5 s',
        pass: accepted === n && acceptSeconds <= 5,
      },
      {
        name: 'spike: drained, lost, charged twice',
        value: `${snapshot.decided}/${snapshot.total} decided after ${drainSeconds.toFixed(1)} s; ${lost} lost; ${confirmed} confirmed with ${charged.n} charges, ${doubled} charged twice`,
        target: 'all drained, 0 lost, 0 charged twice',
        pass: snapshot.decided === snapshot.total && lost === 0 && doubled === 0 && charged.n === confirmed,
      },
    ];
  } finally {
    await sut.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The rate of the target: its p99 is measured with the load offered at this rate, not as fast as possible. */
const targetOrdersPerSecond = 3000;

/**
 * One system in a fresh folder: 50 connections place checkouts for 10 s (as fast as answered, or offered at
 * `rate` per second) while the background worker drains them; then waits until every order is decided.
 */
async function checkoutRun(rate?: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-checkout-'));
  const { sut, ...checkout } = await prepared(dataDir);
  try {
    process.stderr.write(
      `checkout: POST /v1/checkout, 50 connections, 10 s, ${rate ? `offering ${rate}/s` : 'as fast as answered'}...\n`,
    );
    const started = Date.now();
    const accepted = await placeCheckouts(sut.url, checkout, rate ? { rate } : {});
    const file = path.join(dataDir, 'concierge.sqlite');
    const snapshot = await allDecided(file, started + 300_000, 500);
    const drainSeconds = (Date.now() - started) / 1000;
    return { accepted, snapshot, drainSeconds, drainRate: snapshot.decided / drainSeconds };
  } finally {
    await sut.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function checkoutBenchmarks(): Promise<BenchRow[]> {
  const { accepted, snapshot, drainSeconds, drainRate } = await checkoutRun();
  const paced = await checkoutRun(targetOrdersPerSecond);
  const errors = accepted.errors + accepted.non2xx;
  const pacedErrors = paced.accepted.errors + paced.accepted.non2xx;
  return [
    {
      name: 'checkout accepted (202), 50 connections as fast as answered, 10 s',
      value: `${Math.round(accepted.rps)} orders/s, p50 ${accepted.p50} ms, p99 ${accepted.p99} ms, ${errors} errors`,
      target: `≥ ${targetOrdersPerSecond}/s`,
      pass: accepted.rps >= targetOrdersPerSecond && errors === 0,
    },
    {
      name: 'worker drain (accepted → decided, from the first checkout)',
      value: `${snapshot.decided}/${snapshot.total} decided in ${drainSeconds.toFixed(1)} s = ${Math.round(drainRate)} orders/s`,
      target: '≥ 1000/s, none lost',
      pass: drainRate >= 1000 && snapshot.decided === snapshot.total,
    },
    {
      name: 'end-to-end latency accepted → confirmed/failed',
      value: `p50 ${snapshot.p50} ms, p99 ${snapshot.p99} ms`,
      target: 'reported',
      pass: true,
    },
    {
      name: `checkout accepted (202), the 50 connections offering ${targetOrdersPerSecond}/s, 10 s, worker draining`,
      value: `${Math.round(paced.accepted.rps)} orders/s, p50 ${paced.accepted.p50} ms, p99 ${paced.accepted.p99} ms, ${pacedErrors} errors; drained ${paced.snapshot.decided}/${paced.snapshot.total} at ${Math.round(paced.drainRate)} orders/s`,
      target: `p99 < 20 ms at ${targetOrdersPerSecond}/s, drain ≥ 1000/s`,
      // Within 2 % of the offered rate: a server that falls behind carries less than it is offered.
      pass:
        paced.accepted.rps >= targetOrdersPerSecond * 0.98 &&
        paced.accepted.p99 < 20 &&
        pacedErrors === 0 &&
        paced.drainRate >= 1000 &&
        paced.snapshot.decided === paced.snapshot.total,
    },
  ];
}
