// Distributed-mode order path (issue 7): checkouts accepted by the gateway(s) → the orders service writes
// the order and its outbox row in PostgreSQL → the outbox relay publishes to the NATS JetStream queue →
// order workers reserve, charge (sandbox) and confirm. Measures, on one topology started from the built
// program: the end-to-end rate with 1 and 2 gateways behind the balancer (and the acceptance p99 of each),
// the relay's lag, the drain rate of 1 and of 2 order workers over a backlog, where the CPU time went
// (per process), the relay alone publishing a backlog, the queue path (outbox → relay → NATS → acked on the
// workers' consumer, by a bench-side consumer), and after every phase that no accepted order was lost and
// none charged twice. BENCH_DIST_PHASES (default `e2e,drain,relay,queue`) picks phases.
import fs from 'node:fs';
import { defaultWorkerOptions, ordersPlacedQueue } from '@concierge/orders';
import { connectNats, createNatsQueue } from '@concierge/platform';
import pg from 'pg';
import { Pool } from 'undici';
import { type Cluster, call, signIn, tomorrow } from '../packages/cli/src/distributed/chaos.fixture.js';
import type { BenchRow } from './run.js';

interface Fired {
  accepted: string[];
  refused: Map<string, number>;
  seconds: number;
  p50: number;
  p99: number;
}

/**
 * POSTs `total` checkouts, `inFlight` at a time on keep-alive connections, each with a fresh
 * Idempotency-Key; returns the ids of the orders accepted (202) and the latency of every answer.
 */
async function fire(
  origin: string,
  headers: Record<string, string>,
  body: string,
  total: number,
  inFlight: number,
  tag: string,
): Promise<Fired> {
  const pool = new Pool(origin, { connections: inFlight, keepAliveTimeout: 60_000 });
  const latencies: number[] = [];
  const accepted: string[] = [];
  const refused = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  const runner = async () => {
    while (next < total) {
      const i = next++;
      const t = performance.now();
      try {
        const res = await pool.request({
          path: '/v1/checkout',
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': `${tag}-${i}` },
          body,
          headersTimeout: 60_000,
          bodyTimeout: 60_000,
        });
        const text = await res.body.text();
        latencies.push(performance.now() - t);
        if (res.statusCode === 202) accepted.push((JSON.parse(text) as { orderId: string }).orderId);
        else {
          const key = `${res.statusCode} ${text.slice(0, 80)}`;
          refused.set(key, (refused.get(key) ?? 0) + 1);
        }
      } catch (error) {
        const key = String((error as Error).message ?? error).slice(0, 80);
        refused.set(key, (refused.get(key) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, runner));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { accepted, refused, seconds, p50: at(0.5), p99: at(0.99) };
}

/** The PostgreSQL backend of the bench's own connection (its polling), counted apart from the cluster's. */
let benchBackend = 0;

/** CPU seconds (user + system) so far of every process that serves the cluster, by name. */
function cpuSeconds(cluster: Cluster, dbName: string): Map<string, number> {
  const tick = 100; // USER_HZ on Linux
  const out = new Map<string, number>();
  const add = (label: string, pid: number) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      out.set(label, (out.get(label) ?? 0) + ticks / tick);
    } catch {
      // gone meanwhile
    }
  };
  for (const m of cluster.topology.members()) if (m.pid) add(m.name, m.pid);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmd = '';
    try {
      cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue;
    }
    if (cmd.startsWith('nats-server') && cmd.includes(`-p ${cluster.nats.port} `))
      add('nats-server', Number(entry));
    else if (cmd.startsWith(`postgres: `) && cmd.includes(` ${dbName} `))
      add(
        Number(entry) === benchBackend ? 'bench polling (its postgres backend)' : 'postgres backends',
        Number(entry),
      );
  }
  const own = process.cpuUsage();
  out.set('bench client (this process)', (own.user + own.system) / 1e6);
  return out;
}

/** Where the CPU went between two snapshots: the busiest processes first, in ms per order. */
function cpuSpent(before: Map<string, number>, after: Map<string, number>, orders: number): string {
  const spent = [...after]
    .map(([k, v]) => [k, v - (before.get(k) ?? 0)] as const)
    .filter(([, v]) => v > 0.05);
  spent.sort((a, b) => b[1] - a[1]);
  const total = spent.reduce((s, [, v]) => s + v, 0);
  return `${((total * 1000) / orders).toFixed(2)} ms CPU/order: ${spent
    .map(([k, v]) => `${k} ${((v * 1000) / orders).toFixed(2)}`)
    .join(', ')}`;
}

/** Transactions committed or rolled back in the cluster's database so far (PostgreSQL's own count, lags up to ~1 s). */
async function transactions(db: pg.Client, dbName: string): Promise<number> {
  const { rows } = await db.query(
    'select (xact_commit + xact_rollback)::bigint as n from pg_stat_database where datname = $1',
    [dbName],
  );
  return Number(rows[0]?.n ?? 0);
}

interface Progress {
  orders: number;
  decided: number;
  /** Queue rows of the outbox not yet published. */
  unsent: number;
}

async function progress(db: pg.Client): Promise<Progress> {
  const { rows } = await db.query(
    `select (select count(*) from orders_order)::int as orders,
            (select count(*) from orders_order where status in ('confirmed', 'failed'))::int as decided,
            (select count(*) from orders_outbox where kind = 'queue' and sent_at is null)::int as unsent`,
  );
  return rows[0] as Progress;
}

/** Polls until every order is decided (or `timeoutMs`); when the outbox emptied and when the last was decided. */
async function waitDecided(db: pg.Client, started: number, timeoutMs: number) {
  let relayed: number | undefined;
  let last = await progress(db);
  for (;;) {
    if (relayed === undefined && last.unsent === 0) relayed = performance.now();
    if (last.decided >= last.orders || performance.now() - started > timeoutMs) break;
    await new Promise((r) => setTimeout(r, 100));
    last = await progress(db);
  }
  return { relayed: relayed ?? Number.NaN, decided: performance.now(), last };
}

interface Audit {
  orders: number;
  confirmed: number;
  failed: number;
  /** Accepted (202) orders missing in the database or not decided. */
  lost: number;
  /** Orders with more than one terminal event, successful charges beyond the confirmed orders, or a confirmed order whose charge differs. */
  doubled: number;
  charges: number;
}

/** Every accepted order is stored and decided once, with one successful charge for each confirmed one. */
async function auditOrders(db: pg.Client, accepted: Set<string>): Promise<Audit> {
  const orders = (await db.query('select id, status, payment_id from orders_order')).rows as {
    id: string;
    status: string;
    payment_id: string | null;
  }[];
  const byId = new Map(orders.map((o) => [o.id, o]));
  let lost = 0;
  for (const id of accepted) {
    const o = byId.get(id);
    if (!o || (o.status !== 'confirmed' && o.status !== 'failed')) lost++;
  }
  const terminal = (
    await db.query(
      `select payload::json->'data'->>'orderId' as id, count(*)::int as n from orders_outbox
        where kind = 'event' and topic in ('order.confirmed', 'order.failed') group by 1 having count(*) > 1`,
    )
  ).rows.length;
  const charges = (
    await db.query(
      "select idempotency_key, charge_id, refunded_at from payments_sandbox_charge where status = 'succeeded'",
    )
  ).rows as { idempotency_key: string; charge_id: string; refunded_at: string | null }[];
  const chargeOf = new Map(charges.map((c) => [c.idempotency_key, c]));
  const confirmed = orders.filter((o) => o.status === 'confirmed');
  const mismatched = confirmed.filter((o) => {
    const c = chargeOf.get(o.id);
    return !c || c.charge_id !== o.payment_id || c.refunded_at !== null;
  }).length;
  return {
    orders: orders.length,
    confirmed: confirmed.length,
    failed: orders.filter((o) => o.status === 'failed').length,
    lost,
    doubled: terminal + mismatched + Math.max(0, charges.length - confirmed.length),
    charges: charges.length,
  };
}

const auditText = (a: Audit) =>
  `${a.orders} orders (${a.confirmed} confirmed, ${a.failed} failed), ${a.charges} successful charges; ${a.lost} lost, ${a.doubled} charged or decided twice`;

/** The rate of the decisions of one backlog, counted from `from` (ms since epoch) to the last of them. */
async function decisionRate(
  db: pg.Client,
  since: string,
  from: number,
): Promise<{ n: number; rate: number }> {
  const rows = (
    await db.query(
      "select updated_at from orders_order where created_at >= $1 and status in ('confirmed', 'failed')",
      [since],
    )
  ).rows as { updated_at: string }[];
  const times = rows.map((r) => Date.parse(r.updated_at)).filter((t) => t >= from);
  if (times.length < 2) return { n: times.length, rate: 0 };
  const span = (Math.max(...times) - from) / 1000;
  return { n: times.length, rate: times.length / span };
}

/** Redeliveries so far (JetStream's `num_redelivered`) of every durable consumer of the cluster's streams, by consumer. */
async function redeliveries(url: string, prefix: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const nc = await connectNats({ url, name: 'bench redelivery count' });
  try {
    const jsm = await nc.jetstreamManager({ timeout: 5_000 });
    for (const stream of [`${prefix}_QUEUE`, `${prefix}_EVENTS`])
      for await (const c of jsm.consumers.list(stream)) out.set(c.name, c.num_redelivered);
  } catch {
    // streams not there yet
  } finally {
    await nc.close();
  }
  return out;
}

const redeliveredText = (before: Map<string, number>, after: Map<string, number>) => {
  const grown = [...after].map(([k, v]) => [k, v - (before.get(k) ?? 0)] as const).filter(([, v]) => v > 0);
  return grown.length === 0
    ? 'no redeliveries'
    : `redelivered: ${grown.map(([k, v]) => `${k} ${v}`).join(', ')}`;
};

/** The relay's rate over one backlog, from its rows' sent_at (written once per round, at the round's end). */
async function relayRate(db: pg.Client, since: string) {
  const rounds = (
    await db.query(
      `select sent_at, count(*)::int as n from orders_outbox
        where kind = 'queue' and created_at >= $1 and sent_at is not null group by sent_at order by sent_at`,
      [since],
    )
  ).rows as { sent_at: string; n: number }[];
  const n = rounds.reduce((sum, r) => sum + r.n, 0);
  if (rounds.length < 2) return { n, rounds: rounds.length, span: 0, rate: 0 };
  // The first round's rows were published before its sent_at: count only the rounds after it.
  const span = (Date.parse(rounds.at(-1)!.sent_at) - Date.parse(rounds[0]!.sent_at)) / 1000;
  return { n, rounds: rounds.length, span, rate: (n - rounds[0]!.n) / span };
}

export async function distributedOrderBenchmarks(cluster: Cluster): Promise<BenchRow[]> {
  const total = Number(process.env.BENCH_DIST_ORDERS ?? 3000);
  const inFlight = Number(process.env.BENCH_DIST_IN_FLIGHT ?? 100);
  const base = cluster.topology.url.replace('localhost', '127.0.0.1');
  const dbName = new URL(cluster.env.DATABASE_URL!).pathname.slice(1);
  const db = new pg.Client({ connectionString: cluster.env.DATABASE_URL });
  await db.connect();
  benchBackend = Number((await db.query('select pg_backend_pid() as pid')).rows[0].pid);
  const natsPrefix = cluster.env.CONCIERGE_NATS_PREFIX ?? 'concierge';
  const rows: BenchRow[] = [];
  const acceptedAll = new Set<string>();
  const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  try {
    const customer = await signIn(base);
    const operator = await call(base, '/v1/auth/signin', {
      method: 'POST',
      body: { email: 'operator@concierge.local', password: 'Concierge-demo-1' },
    });
    const products = await call(base, '/v1/products?inStock=true&limit=1');
    const productId = (products.body.items as { id: string }[])[0]!.id;
    const patched = await call(base, `/v1/products/${productId}`, {
      method: 'PATCH',
      body: { stock: 1_000_000 },
      headers: { authorization: `Bearer ${operator.body.accessToken}` },
    });
    if (patched.status !== 200)
      throw new Error(`stock not set: ${patched.status} ${JSON.stringify(patched.body)}`);
    const body = JSON.stringify({
      productId,
      deliveryAddress: '350 5th Ave, New York, NY 10118',
      deliveryDate: tomorrow(),
    });
    // Warm-up: connections, JIT, pools in every process.
    const warm = await fire(base, customer, body, 200, 20, `warm-${Date.now()}`);
    for (const id of warm.accepted) acceptedAll.add(id);
    await waitDecided(db, performance.now(), 60_000);

    const refusedText = (f: Fired) =>
      f.refused.size === 0
        ? '0 refused'
        : `refused: ${[...f.refused].map(([k, v]) => `${v}× ${k}`).join('; ')}`;

    const phases = new Set((process.env.BENCH_DIST_PHASES ?? 'e2e,drain,relay,queue').split(','));
    // 1. End to end with 2 workers: through 1 gateway, then 2 gateways, behind the balancer.
    const endToEnd: Record<number, { rate: number; fired: Fired }> = {};
    for (const gateways of phases.has('e2e') ? [1, 2] : []) {
      if (gateways === 1) {
        await cluster.topology.balancer.drain('gateway-2');
        cluster.topology.balancer.remove('gateway-2');
      } else {
        const g2 = cluster.topology.members().find((m) => m.name === 'gateway-2')!;
        cluster.topology.balancer.add({ name: 'gateway-2', url: `http://127.0.0.1:${g2.port}` });
        await cluster.topology.balancer.healthy('gateway-2', 30_000);
      }
      const loadBefore = load();
      const redelivered0 = await redeliveries(cluster.nats.url, natsPrefix);
      const cpu0 = cpuSeconds(cluster, dbName);
      const tx0 = await transactions(db, dbName);
      const started = performance.now();
      process.stderr.write(`distributed orders: ${total} checkouts, ${gateways} gateway(s), 2 workers...\n`);
      const fired = await fire(base, customer, body, total, inFlight, `e2e${gateways}-${Date.now()}`);
      for (const id of fired.accepted) acceptedAll.add(id);
      const done = await waitDecided(db, started, 600_000);
      const cpu1 = cpuSeconds(cluster, dbName);
      await new Promise((r) => setTimeout(r, 1_500));
      const tx1 = await transactions(db, dbName);
      const redelivered1 = await redeliveries(cluster.nats.url, natsPrefix);
      const seconds = (done.decided - started) / 1000;
      const rate = fired.accepted.length / seconds;
      endToEnd[gateways] = { rate, fired };
      const audit = await auditOrders(db, acceptedAll);
      rows.push({
        name: `checkout end to end, ${total} orders (${inFlight} in flight), ${gateways} gateway${gateways > 1 ? 's' : ''} behind the balancer, 2 workers`,
        value: `accepted ${(fired.accepted.length / fired.seconds).toFixed(0)}/s (p50 ${fired.p50.toFixed(0)} ms, p99 ${fired.p99.toFixed(0)} ms, ${refusedText(fired)}); outbox empty after ${((done.relayed - started) / 1000).toFixed(1)} s, all decided after ${seconds.toFixed(1)} s = **${rate.toFixed(0)} orders/s** end to end; ${auditText(audit)}; load ${loadBefore} → ${load()}`,
        target: '≥ 5,000 orders/s; 0 lost, 0 charged twice',
        pass:
          rate >= 5_000 && audit.lost === 0 && audit.doubled === 0 && done.last.decided === done.last.orders,
      });
      rows.push({
        name: `  where the CPU went (${gateways} gateway${gateways > 1 ? 's' : ''})`,
        value: `${cpuSpent(cpu0, cpu1, fired.accepted.length)}; ${((tx1 - tx0) / fired.accepted.length).toFixed(1)} PostgreSQL transactions/order (with the bench's polling); NATS ${redeliveredText(redelivered0, redelivered1)}`,
        target: '—',
        pass: true,
      });
    }
    if (phases.has('e2e'))
      rows.push({
        name: 'checkout acceptance, 1 → 2 gateways behind the balancer',
        value: `${(endToEnd[1]!.fired.accepted.length / endToEnd[1]!.fired.seconds).toFixed(0)} → ${(endToEnd[2]!.fired.accepted.length / endToEnd[2]!.fired.seconds).toFixed(0)} accepted/s; p99 ${endToEnd[1]!.fired.p99.toFixed(0)} → ${endToEnd[2]!.fired.p99.toFixed(0)} ms (×${(endToEnd[2]!.fired.p99 / endToEnd[1]!.fired.p99).toFixed(2)})`,
        target: 'ratio, noisy machine',
        pass: true,
      });

    // 2. A backlog: accept with every worker stopped (the relay still publishes), then drain with 1, then 2 workers.
    const drains: Record<number, number> = {};
    for (const workers of phases.has('drain') ? [1, 2] : []) {
      await cluster.topology.kill('orders-worker-1', 'SIGTERM');
      await cluster.topology.kill('orders-worker-2', 'SIGTERM');
      const since = new Date().toISOString();
      const loadBefore = load();
      const cpu0 = cpuSeconds(cluster, dbName);
      const started = performance.now();
      process.stderr.write(
        `distributed orders: ${total} checkouts with no worker, then ${workers} worker(s)...\n`,
      );
      const fired = await fire(base, customer, body, total, inFlight, `backlog${workers}-${Date.now()}`);
      for (const id of fired.accepted) acceptedAll.add(id);
      let p = await progress(db);
      while (p.unsent > 0 && performance.now() - started < 300_000) {
        await new Promise((r) => setTimeout(r, 100));
        p = await progress(db);
      }
      const relayedAfter = (performance.now() - started) / 1000;
      const cpu1 = cpuSeconds(cluster, dbName);
      const names = workers === 1 ? ['orders-worker-1'] : ['orders-worker-1', 'orders-worker-2'];
      await Promise.all(names.map((n) => cluster.topology.revive(n)));
      // Counted from when every worker of this round answered /readyz (they consume from before).
      const ready = Date.now();
      const readyDecided = (await progress(db)).decided;
      const done = await waitDecided(db, performance.now(), 600_000);
      const cpu2 = cpuSeconds(cluster, dbName);
      const drain = await decisionRate(db, since, ready);
      drains[workers] = drain.rate;
      const audit = await auditOrders(db, acceptedAll);
      rows.push({
        name: `checkout with every worker stopped, ${total} orders (${inFlight} in flight), 2 gateways`,
        value: `accepted ${(fired.accepted.length / fired.seconds).toFixed(0)}/s (p99 ${fired.p99.toFixed(0)} ms, ${refusedText(fired)}); outbox published to NATS after ${relayedAfter.toFixed(1)} s = ${(fired.accepted.length / relayedAfter).toFixed(0)} orders/s accepted and relayed; ${cpuSpent(cpu0, cpu1, fired.accepted.length)}`,
        target: '—',
        pass: true,
      });
      rows.push({
        name: `  then drained by ${workers} order worker${workers > 1 ? 's' : ''} (rate from when ${workers > 1 ? 'both were' : 'it was'} ready)`,
        value: `**${drain.rate.toFixed(0)} orders/s** (${drain.n} decided after ready, ${readyDecided - (done.last.orders - fired.accepted.length)} during start-up); ${auditText(audit)}; ${cpuSpent(cpu1, cpu2, fired.accepted.length)}; load ${loadBefore} → ${load()}`,
        target: '≥ 5,000 orders/s; 0 lost, 0 charged twice',
        pass: drain.rate >= 5_000 && audit.lost === 0 && audit.doubled === 0,
      });
    }
    if (phases.has('drain'))
      rows.push({
        name: 'order workers draining a backlog, 1 → 2 workers',
        value: `${drains[1]!.toFixed(0)} → ${drains[2]!.toFixed(0)} orders/s (×${(drains[2]! / drains[1]!).toFixed(2)})`,
        target: 'ratio, noisy machine',
        pass: true,
      });

    // 3. The relay alone: accept with NATS stopped (orders and their messages wait in the outbox) and every
    // worker stopped, start NATS, and time the relay publishing the backlog (from its rows' sent_at).
    const relayTotal = Number(process.env.BENCH_DIST_RELAY_ORDERS ?? 6000);
    const backlog = async (tag: string) => {
      await cluster.topology.kill('orders-worker-1', 'SIGTERM');
      await cluster.topology.kill('orders-worker-2', 'SIGTERM');
      await cluster.nats.stop();
      const since = new Date().toISOString();
      process.stderr.write(`distributed orders: ${relayTotal} checkouts with NATS stopped (${tag})...\n`);
      const fired = await fire(base, customer, body, relayTotal, inFlight, `${tag}-${Date.now()}`);
      for (const id of fired.accepted) acceptedAll.add(id);
      return { since, fired };
    };
    const reviveWorkers = async () => {
      await Promise.all(['orders-worker-1', 'orders-worker-2'].map((n) => cluster.topology.revive(n)));
      const done = await waitDecided(db, performance.now(), 600_000);
      return { done, audit: await auditOrders(db, acceptedAll) };
    };
    if (phases.has('relay')) {
      const { since, fired } = await backlog('relay');
      const loadBefore = load();
      const cpu0 = cpuSeconds(cluster, dbName);
      const restarted = performance.now();
      await cluster.nats.start();
      let p = await progress(db);
      while (p.unsent > 0 && performance.now() - restarted < 300_000) {
        await new Promise((r) => setTimeout(r, 100));
        p = await progress(db);
      }
      const emptied = (performance.now() - restarted) / 1000;
      const cpu1 = cpuSeconds(cluster, dbName);
      const relayed = await relayRate(db, since);
      const { done, audit } = await reviveWorkers();
      rows.push({
        name: `outbox relay publishing a backlog of ${relayTotal} orders to NATS (accepted while NATS was stopped)`,
        value: `**${relayed.rate.toFixed(0)} messages/s** (${relayed.n} published in ${relayed.rounds} rounds; the end of the first round to the end of the last: ${relayed.span.toFixed(2)} s; outbox empty ${emptied.toFixed(1)} s after NATS was started); accepted meanwhile ${(fired.accepted.length / fired.seconds).toFixed(0)}/s (p99 ${fired.p99.toFixed(0)} ms, ${refusedText(fired)}); ${cpuSpent(cpu0, cpu1, relayed.n)}; then all decided by 2 workers: ${done.last.decided}/${done.last.orders}, ${auditText(audit)}; load ${loadBefore} → ${load()}`,
        target: '≥ 5,000/s; 0 lost, 0 charged twice',
        pass: relayed.rate >= 5_000 && audit.lost === 0 && audit.doubled === 0,
      });
    }

    // 4. The queue path the target names: orders waiting in the outbox → relay → NATS JetStream → received
    // and acknowledged on the order workers' durable consumer. The workers' handler does the payment and
    // stock work; to time the queue path apart from it, the bench itself consumes, with the workers'
    // consumer settings (`defaultWorkerOptions`: the same durable consumer, ack wait, concurrency), on two
    // connections as two workers would, and only counts and acks. The workers are stopped meanwhile; the
    // messages it took are then sent again (new ids, same bodies and headers) for the real workers, which
    // decide every order before the audit.
    if (phases.has('queue')) {
      const { since, fired } = await backlog('queue-path');
      const loadBefore = load();
      const cpu0 = cpuSeconds(cluster, dbName);
      const restarted = performance.now();
      await cluster.nats.start();
      const started = Date.now();
      const connections = await Promise.all(
        [1, 2].map((i) => connectNats({ url: cluster.nats.url, name: `bench consumer ${i}` })),
      );
      const queues = connections.map((nc) => createNatsQueue({ nc, prefix: natsPrefix }));
      const received = new Map<string, { body: unknown; headers: Record<string, string> }>();
      let first = 0;
      let last = 0;
      let duplicates = 0;
      const expected = fired.accepted.length;
      let allIn: () => void = () => {};
      const everyOne = new Promise<void>((resolve) => {
        allIn = resolve;
      });
      const consumers = queues.map((q) =>
        q.consume(
          ordersPlacedQueue,
          async (m) => {
            const t = Date.now();
            first ||= t;
            last = t;
            if (received.has(m.id)) duplicates++;
            received.set(m.id, { body: m.body, headers: m.headers });
            if (received.size === expected) allIn();
          },
          defaultWorkerOptions,
        ),
      );
      const timedOut = await Promise.race([
        everyOne.then(() => false),
        new Promise<boolean>((r) => setTimeout(() => r(true), 300_000).unref()),
      ]);
      // stop() waits for the acks: the last one in flight is confirmed, which confirms every earlier one.
      await Promise.all(consumers.map((c) => c.stop()));
      const acked = Date.now();
      const natsUp = (performance.now() - restarted) / 1000;
      const cpu1 = cpuSeconds(cluster, dbName);
      const relayed = await relayRate(db, since);
      const depth = await queues[0]!.depth(ordersPlacedQueue);
      // The real workers decide these orders: the same messages again under new ids (the old ones are acked).
      for (const [id, m] of received)
        await queues[0]!.send(ordersPlacedQueue, m.body, { id: `${id}-requeued`, headers: m.headers });
      for (const q of queues) await q.close();
      for (const nc of connections) await nc.close();
      const { done, audit } = await reviveWorkers();
      const steady = (received.size - 1) / ((last - first) / 1000);
      const whole = received.size / ((acked - started) / 1000);
      rows.push({
        name: `queue path: ${relayTotal} orders waiting in the outbox → relay → NATS JetStream → acked on the order workers' consumer (bench-side consumer, 2 connections × the workers' settings, no order work)`,
        value: `**${steady.toFixed(0)} orders/s** received and acked, first to last (${received.size}/${expected} received${timedOut ? ', TIMED OUT' : ''}, ${duplicates} twice, queue depth after ${depth}); ${whole.toFixed(0)} orders/s counting from NATS's start (reconnection included: ${((acked - started) / 1000).toFixed(2)} s); relay meanwhile ${relayed.rate.toFixed(0)} messages/s; ${cpuSpent(cpu0, cpu1, received.size)}; NATS up ${natsUp.toFixed(1)} s before the last ack; then all decided by 2 workers: ${done.last.decided}/${done.last.orders}, ${auditText(audit)}; load ${loadBefore} → ${load()}`,
        target: '≥ 5,000 orders/s; 0 lost, 0 charged twice',
        pass: steady >= 5_000 && !timedOut && audit.lost === 0 && audit.doubled === 0,
      });
    }
  } finally {
    await db.end();
  }
  return rows;
}
