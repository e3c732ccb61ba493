// The orders outbox relay alone, against PostgreSQL (DATABASE_URL) and NATS JetStream (NATS_URL): writes a
// backlog of `orders.placed` rows into a fresh schema, then times `relayOnce` rounds until the outbox is
// empty, for each setting given, and checks the stream holds each message once. Reports messages/s and this
// process's CPU per message (the relay's share; PostgreSQL's and nats-server's are not counted here).
// npx tsx --tsconfig tsconfig.json bench/tools/outbox-relay.ts [rows] [batch/inFlight ...]   e.g. 5000 100/1 100/100 500/128

import fs from 'node:fs';
import { connectNats, createNatsQueue, prefixedId } from '@concierge/platform';
import { pgTestStore, tempNats } from '@concierge/platform/testing';
import { ordersMigrations } from '../../services/orders/src/migrations/orders.migrations.js';
import type { OrdersDb } from '../../services/orders/src/orders.tables.js';
import { OutboxRelay } from '../../services/orders/src/outbox/outbox.relay.js';
import { OutboxRepository } from '../../services/orders/src/outbox/outbox.repository.js';
import { withDeadline } from '../../services/orders/src/timing/deadline.js';

const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const rows = Number(process.argv[2] ?? 5000);
const settings = (process.argv.length > 3 ? process.argv.slice(3) : ['100/1', '100/100', '500/128']).map(
  (s) => s.split('/').map(Number) as [number, number],
);
const databaseUrl = process.env.DATABASE_URL;
const natsUrl = process.env.NATS_URL;
if (!databaseUrl || !natsUrl) throw new Error('set DATABASE_URL and NATS_URL (../shared/services/ensure.sh)');

for (const [batchSize, inFlight] of settings) {
  const storeFixture = await pgTestStore(databaseUrl);
  const nats = await tempNats(natsUrl);
  const nc = await connectNats({ url: natsUrl });
  const store = await storeFixture.open();
  try {
    await store.migrate(ordersMigrations);
    const outbox = new OutboxRepository(store.db as OrdersDb);
    const at = new Date().toISOString();
    for (let i = 0; i < rows; i += 1000)
      await outbox.add(
        Array.from({ length: Math.min(1000, rows - i) }, () => {
          const orderId = prefixedId('ord');
          return {
            id: prefixedId('msg'),
            kind: 'queue' as const,
            topic: 'orders.placed',
            payload: JSON.stringify({ orderId, userId: prefixedId('usr') }),
            headers: JSON.stringify({
              traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
              'event-type': 'order.placed',
            }),
            created_at: at,
          };
        }),
      );
    const queue = createNatsQueue({ nc, prefix: nats.prefix });
    const relay = new OutboxRelay(outbox, {
      kind: 'queue',
      now: () => new Date(),
      batchSize,
      inFlight,
      deliver: async (row) => {
        const send = queue.send(row.topic, JSON.parse(row.payload), {
          id: row.id,
          headers: JSON.parse(row.headers),
        });
        await withDeadline(5_000, `queue ${row.topic}`, send);
      },
    });
    await queue.depth('orders.placed'); // the streams exist before the clock starts
    const loadBefore = load();
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    let sent = 0;
    let rounds = 0;
    for (;;) {
      const n = await relay.relayOnce();
      if (n === 0) break;
      sent += n;
      rounds++;
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const depth = await queue.depth('orders.placed');
    await queue.close();
    process.stdout.write(
      `batch ${batchSize}, in flight ${inFlight}: ${sent} rows in ${rounds} rounds, ${seconds.toFixed(2)} s = ${(sent / seconds).toFixed(0)} msg/s; relay CPU ${((cpu.user + cpu.system) / 1000 / sent).toFixed(3)} ms/msg; stream depth ${depth} (expected ${rows}); load ${loadBefore} → ${load()}\n`,
    );
  } finally {
    await nc.close();
    await nats.dispose();
    await storeFixture.dispose();
  }
}
