// CPU time of the embedded server per order under the checkout load, for A/B runs of two builds:
// starts `<bundle>` (default dist/concierge.mjs) in a fresh folder, 50 connections for `seconds`, then waits
// until every order is decided, reading the server's utime+stime (all its threads) from /proc at each step.
// npx tsx --tsconfig tsconfig.json bench/tools/checkout-cpu.ts [bundle] [seconds] [--prof dir]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { load } from '../lib/load.js';
import { start, waitFor } from '../lib/processes.js';

const bundle = path.resolve(process.argv[2] ?? 'dist/concierge.mjs');
const seconds = Number(process.argv[3] ?? 10);
const profIndex = process.argv.indexOf('--prof');
const profDir = profIndex > 0 ? path.resolve(process.argv[profIndex + 1]!) : undefined;
const port = 3195;
const tick = 100; // USER_HZ on Linux

function startLogged(args: string[], env: Record<string, string>, file: string) {
  const out = fs.openSync(file, 'w');
  const child = spawn('node', args, { env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function cpuMs(pid: number, file = `/proc/${pid}/stat`): number {
  const fields = fs.readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / tick;
}

async function json(url: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  return (await res.json()) as Record<string, unknown>;
}

const signIn = async (base: string, email: string) =>
  (
    await json(`${base}/v1/auth/signin`, {
      method: 'POST',
      body: JSON.stringify({ email, password: 'Concierge-demo-1' }),
    })
  ).accessToken as string;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkout-cpu-'));
const env = { CONCIERGE_DATA_DIR: dataDir, CONCIERGE_PORT: String(port), CONCIERGE_LOG_LEVEL: 'warn' };
const nodeArgs = profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
// SERVER_LOG=<file>: the server logs at info level (one line per request, too) into that file.
const serverLog = process.env.SERVER_LOG;
const sut = serverLog
  ? startLogged(
      [...nodeArgs, bundle, 'start', '--seed-if-empty'],
      { ...env, CONCIERGE_LOG_LEVEL: 'info' },
      serverLog,
    )
  : start('node', [...nodeArgs, bundle, 'start', '--seed-if-empty'], env, port);
const pid = sut.child.pid!;
try {
  await waitFor(`${sut.url}/readyz`, 60_000);
  const operator = await signIn(sut.url, 'operator@concierge.local');
  const customer = await signIn(sut.url, 'demo@concierge.local');
  const page = await json(`${sut.url}/v1/products?inStock=true&limit=1`);
  const productId = (page.items as { id: string }[])[0]!.id;
  await json(`${sut.url}/v1/products/${productId}`, {
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
  const file = path.join(dataDir, 'concierge.sqlite');
  const count = (sql: string) => {
    const db = new Database(file, { readonly: true });
    const n = (db.prepare(sql).get() as { n: number }).n;
    db.close();
    return n;
  };
  const cpu0 = cpuMs(pid);
  // The main thread alone (the HTTP event loop); the rest is the background thread, V8's and libuv's.
  const mainCpu = () => cpuMs(pid, `/proc/${pid}/task/${pid}/stat`);
  const main0 = mainCpu();
  const started = Date.now();
  const accepted = await load({
    url: `${sut.url}/v1/checkout`,
    method: 'POST',
    body,
    headers: { authorization: `Bearer ${customer}` },
    seconds,
  });
  const cpuAccept = cpuMs(pid) - cpu0;
  const mainAccept = mainCpu() - main0;
  const orders = count('select count(*) n from orders_order');
  while (
    count("select count(*) n from orders_order where status = 'pending'") > 0 &&
    Date.now() - started < 300_000
  )
    await new Promise((r) => setTimeout(r, 250));
  const drainSeconds = (Date.now() - started) / 1000;
  const cpuDecided = cpuMs(pid) - cpu0;
  // Then until every e-mail is written (the queue has no ready or in-flight message left).
  while (count('select count(*) n from platform_queue_message') > 0 && Date.now() - started < 300_000)
    await new Promise((r) => setTimeout(r, 250));
  const cpuAll = cpuMs(pid) - cpu0;
  const allSeconds = (Date.now() - started) / 1000;
  console.log(
    JSON.stringify({
      bundle: path.relative(process.cwd(), bundle),
      load: os.loadavg().map((l) => l.toFixed(2)),
      acceptedPerS: Math.round(accepted.rps),
      p50: accepted.p50,
      p99: accepted.p99,
      errors: accepted.errors + accepted.non2xx,
      orders,
      drainPerS: Math.round(orders / drainSeconds),
      allSeconds: Number(allSeconds.toFixed(1)),
      cpuMsPerOrderDuringLoad: Number((cpuAccept / orders).toFixed(2)),
      mainThreadCpuMsPerOrderDuringLoad: Number((mainAccept / orders).toFixed(2)),
      mainThreadBusyDuringLoad: Number((mainAccept / (seconds * 1000)).toFixed(2)),
      cpuMsPerOrderDecided: Number((cpuDecided / orders).toFixed(2)),
      cpuMsPerOrderAll: Number((cpuAll / orders).toFixed(2)),
    }),
  );
} finally {
  await sut.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
