// Counts the SQL statements the embedded system runs per order, from checkout to every consumer done:
// a deterministic measure of the pipeline's work, unlike throughput on a shared machine.
// It also counts physical commits (COMMIT statements and writes run outside any transaction), which is
// where the WAL writes happen. With a concurrency above 1 the checkouts overlap as under load.
// npx tsx --tsconfig tsconfig.json bench/tools/statements-per-order.ts [orders] [concurrency]
import fs from 'node:fs';
import path from 'node:path';
import { eventually } from '@concierge/platform/testing';
import Database from 'better-sqlite3';
import { openInProcessSystem } from '../lib/in-process-system.js';

const n = Number(process.argv[2] ?? 200);
const concurrency = Number(process.argv[3] ?? 1);
const counts = new Map<string, number>();
let commits = 0;
const probe = new Database(':memory:');
const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, unknown>;
for (const method of ['run', 'get', 'all', 'iterate']) {
  const original = proto[method] as (...args: unknown[]) => unknown;
  proto[method] = function (
    this: { source: string; readonly: boolean; database: Database.Database },
    ...args: unknown[]
  ) {
    if (counting) {
      counts.set(this.source, (counts.get(this.source) ?? 0) + 1);
      const autocommitWrite =
        !this.readonly && !this.database.inTransaction && !/^\s*begin/i.test(this.source);
      if (autocommitWrite || /^\s*commit/i.test(this.source)) commits++;
    }
    return original.apply(this, args);
  };
}
let counting = false;

const { dataDir, system, sut, token } = await openInProcessSystem('statements-', {
  products: 10,
  restaurants: 5,
});
const productId = (await sut.app.inject('/v1/products?inStock=true&limit=1')).json().items[0].id;
const deliveryDate = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
await system.catalog.module.operations.updateProduct!({
  operationId: 'updateProduct',
  params: { productId },
  query: {},
  headers: {},
  body: { stock: 1_000_000 },
  caller: { userId: 'usr_operator', roles: ['operator'], via: 'jwt' },
  requestId: 'probe',
});
counting = true;
let placed = 0;
const lane = async () => {
  while (placed < n) {
    placed++;
    await sut.app.inject({
      method: 'POST',
      url: '/v1/checkout',
      headers: { authorization: `Bearer ${token}` },
      payload: { productId, deliveryAddress: '350 5th Ave, New York, NY 10118', deliveryDate },
    });
  }
};
await Promise.all(Array.from({ length: concurrency }, lane));
const acceptance = [...counts.values()].reduce((a, b) => a + b, 0);
const acceptanceCommits = commits;
await eventually(
  async () => {
    const db = new Database(path.join(dataDir, 'concierge.sqlite'), { readonly: true });
    const pending = db.prepare("select count(*) n from orders_order where status = 'pending'").get() as {
      n: number;
    };
    db.close();
    if (pending.n > 0) throw new Error(`${pending.n} pending`);
  },
  { timeoutMs: 120_000 },
);
await new Promise((r) => setTimeout(r, 3000)); // notifications and relays settle
counting = false;
const total = [...counts.values()].reduce((a, b) => a + b, 0);
console.log(
  `${n} orders, ${concurrency} at a time: ${(acceptance / n).toFixed(1)} statements and ${(acceptanceCommits / n).toFixed(2)} commits per order while accepting (incl. background work so far); ${(total / n).toFixed(1)} statements and ${(commits / n).toFixed(2)} commits per order in all`,
);
for (const [sql, c] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 40))
  console.log(`${(c / n).toFixed(2).padStart(7)}  ${sql.replace(/\s+/g, ' ').slice(0, 150)}`);
await system.stop();
await sut.app.close();
await system.close();
fs.rmSync(dataDir, { recursive: true, force: true });
