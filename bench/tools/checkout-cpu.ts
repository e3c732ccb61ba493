// CPU time of the embedded server per order under the checkout load, for A/B runs of two builds:
// starts `<bundle>` (default dist/concierge.mjs) in a fresh folder, 50 connections for `seconds`, then waits
// until every order is decided, reading the server's utime+stime (all its threads) from /proc at each step.
// npx tsx --tsconfig tsconfig.json bench/tools/checkout-cpu.ts [bundle] [seconds] [--prof dir] [--decided-only] [--rate n]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { placeCheckouts, prepareCheckouts } from '../checkout.bench.js';
import { cpuMs, start, waitFor } from '../lib/processes.js';

const bundle = path.resolve(process.argv[2] ?? 'dist/concierge.mjs');
const seconds = Number(process.argv[3] ?? 10);
const profIndex = process.argv.indexOf('--prof');
const decidedOnly = process.argv.includes('--decided-only');
const rateIndex = process.argv.indexOf('--rate');
const rate = rateIndex > 0 ? Number(process.argv[rateIndex + 1]) : undefined;
const profDir = profIndex > 0 ? path.resolve(process.argv[profIndex + 1]!) : undefined;
// A port of its own: the other benchmarks' servers may be running.
const port = Number(process.env.CHECKOUT_CPU_PORT ?? 3197);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkout-cpu-'));
const env = { CONCIERGE_DATA_DIR: dataDir, CONCIERGE_PORT: String(port), CONCIERGE_LOG_LEVEL: 'warn' };
const nodeArgs = profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
// SERVER_LOG=<file>: the server logs at info level (one line per request, too) into that file.
const serverLog = process.env.SERVER_LOG;
const sut = start(
  'node',
  [...nodeArgs, bundle, 'start', '--seed-if-empty'],
  serverLog ? { ...env, CONCIERGE_LOG_LEVEL: 'info' } : env,
  port,
  serverLog ? { logFile: serverLog } : {},
);
const pid = sut.child.pid!;
try {
  await waitFor(`${sut.url}/readyz`, 60_000);
  const prepared = await prepareCheckouts(sut.url);
  const file = path.join(dataDir, 'concierge.sqlite');
  const count = (sql: string) => {
    const db = new Database(file, { readonly: true });
    const n = (db.prepare(sql).get() as { n: number }).n;
    db.close();
    return n;
  };
  // Read and write system calls and bytes of the whole process (/proc/<pid>/io): SQLite's page reads and
  // WAL writes, far steadier per order than CPU time on a busy machine.
  const io = (file = `/proc/${pid}/io`) =>
    Object.fromEntries(
      fs
        .readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(': '))
        .map(([key, value]) => [key, Number(value)]),
    ) as Record<string, number>;
  const io0 = io();
  const mainIo = () => io(`/proc/${pid}/task/${pid}/io`);
  const mainIo0 = mainIo();
  const cpu0 = cpuMs(pid);
  // The main thread alone (the HTTP event loop); the rest is the background thread, V8's and libuv's.
  const mainCpu = () => cpuMs(pid, `/proc/${pid}/task/${pid}/stat`);
  const main0 = mainCpu();
  const started = Date.now();
  const accepted = await placeCheckouts(sut.url, prepared, { seconds, ...(rate ? { rate } : {}) });
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
  const ioDecided = io();
  const mainIoDecided = mainIo();
  const perOrder = (key: string) => Number(((ioDecided[key]! - io0[key]!) / orders).toFixed(1));
  // Then until every e-mail is written (the queue has no ready or in-flight message left), unless
  // --decided-only: then the figures after the orders are decided are not measured.
  while (
    !decidedOnly &&
    count('select count(*) n from platform_queue_message') > 0 &&
    Date.now() - started < 300_000
  )
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
      readCallsPerOrderDecided: perOrder('syscr'),
      writeCallsPerOrderDecided: perOrder('syscw'),
      kbReadPerOrderDecided: Number((perOrder('rchar') / 1024).toFixed(1)),
      kbWrittenPerOrderDecided: Number((perOrder('wchar') / 1024).toFixed(1)),
      mainThreadKbWrittenPerOrder: Number(
        ((mainIoDecided.wchar! - mainIo0.wchar!) / orders / 1024).toFixed(1),
      ),
      cpuMsPerOrderAll: Number((cpuAll / orders).toFixed(2)),
    }),
  );
} finally {
  await sut.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
