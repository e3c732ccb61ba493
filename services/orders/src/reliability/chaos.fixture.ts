// The checkout side of the chaos tests: one SQLite file, the catalog with stock, relays, and a checkout driver.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCatalogService } from '@concierge/catalog';
import {
  type Caller,
  createMemoryEventBus,
  createSqliteQueue,
  createSqliteStore,
  type EventEnvelope,
} from '@concierge/platform';
import { createInProcessCatalogClient } from '../catalog/in-process-catalog.client.js';
import { createOrdersService, type OrdersOptions } from '../index.js';
import type { OrdersDb } from '../orders.tables.js';
import { createSandboxProcessor } from '../payments/sandbox.processor.js';
import { call } from '../testing/orders.fixture.js';

const operator: Caller = { userId: 'usr_operator', roles: ['operator'], via: 'jwt' };
const buyer: Caller = { userId: 'usr_chaos', roles: ['customer'], via: 'jwt' };

/** Tokens in the mix, and the status each must end in. */
export const tokenMix: [string, string][] = [
  ...Array.from({ length: 16 }, (): [string, string] => ['tok_visa', 'confirmed']),
  ['tok_retry', 'confirmed'],
  ['tok_chargeDeclined', 'failed'],
  ['tok_insufficientFunds', 'failed'],
  ['tok_stolenCard', 'failed'],
];

export async function openChaos(options: OrdersOptions = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-chaos-'));
  const file = path.join(dir, 'chaos.db');
  const store = createSqliteStore({ file, busyTimeoutMs: 10_000 });
  const queue = createSqliteQueue({ database: store });
  const bus = createMemoryEventBus({ onHandlerError: (error) => console.error(error) });
  const published: EventEnvelope[] = [];
  bus.subscribe('order.*', async (event) => {
    published.push(event);
  });
  const catalog = createCatalogService({ store });
  const payments = createSandboxProcessor({ store });
  const orders = createOrdersService({
    store,
    queue,
    events: bus,
    payments,
    catalog: createInProcessCatalogClient(catalog.module),
    options: { relayPollMs: 20, ...options },
  });
  for (const set of [catalog.migrations, payments.migrations, orders.migrations]) await store.migrate(set);
  const product = { name: 'Chaos roses', price: { amount: 2500, currency: 'USD' }, stock: 100_000 };
  const created = await call(catalog.module, 'createProduct', { caller: operator, body: product });
  const productId = (created.body as { id: string }).id;
  const expected = new Map<string, string>();
  let checkoutRetries = 0;

  /** Places order `n` with an Idempotency-Key, retrying (same key) until the checkout is accepted. */
  async function place(n: number): Promise<void> {
    const [token, outcome] = tokenMix[n % tokenMix.length] ?? ['tok_visa', 'confirmed'];
    const body = {
      productId,
      deliveryAddress: '1 Main St, Springfield, IL 62701',
      deliveryDate: tomorrow(),
      paymentToken: token,
    };
    for (let attempt = 0; ; attempt++) {
      try {
        const headers = { 'idempotency-key': `chaos-order-${n}` };
        const answer = await call(orders.module, 'checkout', { caller: buyer, body, headers });
        expected.set((answer.body as { orderId: string }).orderId, outcome);
        return;
      } catch (error) {
        checkoutRetries++;
        if (attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  return {
    file,
    db: store.db as OrdersDb,
    queue,
    orders,
    payments,
    published,
    expected,
    place,
    checkoutRetries: () => checkoutRetries,
    async pending(): Promise<number> {
      const row = await (store.db as OrdersDb)
        .selectFrom('orders_order')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async close() {
      await orders.worker.stop();
      await orders.relays.stop();
      await queue.close();
      await bus.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function tomorrow(): string {
  return new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
}
