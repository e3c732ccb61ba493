// Test helpers: a migrated orders service over one SQLite file with the real catalog, queue, bus and sandbox.
import { createCatalogService } from '@concierge/catalog';
import {
  type Caller,
  createMemoryEventBus,
  createSqliteQueue,
  createSqliteStore,
  type EventEnvelope,
  type OperationRequest,
  type Queue,
  type ServiceModule,
  type SqlStore,
} from '@concierge/platform';
import type { CatalogClient } from '../catalog/catalog.client.js';
import { createInProcessCatalogClient } from '../catalog/in-process-catalog.client.js';
import { createOrdersService, type OrdersOptions, type OrdersService } from '../index.js';
import type { OrdersDb } from '../orders.tables.js';
import { createSandboxProcessor, type SandboxProcessor } from '../payments/sandbox.processor.js';

export const buyer: Caller = { userId: 'usr_buyer', roles: ['customer'], via: 'jwt' };
export const stranger: Caller = { userId: 'usr_stranger', roles: ['customer'], via: 'jwt' };
export const operator: Caller = { userId: 'usr_operator', roles: ['operator'], via: 'jwt' };

/** Noon in New York on 2026-06-15: "today" for every fixture. */
export const fixedNow = new Date('2026-06-15T16:00:00Z');
export const tomorrow = '2026-06-16';

/** Fast retries so worker tests finish in milliseconds. */
export const fastOptions: OrdersOptions = {
  relayPollMs: 10,
  paymentTimeoutMs: 200,
  worker: { concurrency: 4, idlePollMs: 5, retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } },
};

export interface OpenOrders {
  store: SqlStore;
  db: OrdersDb;
  queue: Queue;
  payments: SandboxProcessor;
  orders: OrdersService;
  sut: ServiceModule;
  catalog: ServiceModule;
  /** Every event published on the bus, in order. */
  events: EventEnvelope[];
  productId: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  stock?: number;
  price?: number;
  orders?: OrdersOptions;
  /** Wraps the catalog client, to inject failures. */
  wrapCatalog?: (client: CatalogClient) => CatalogClient;
  /** The service's clock; `fixedNow` by default. */
  now?: () => Date;
  /** The orders' (and catalog's, payments') store; the queue's in-memory SQLite by default. */
  store?: SqlStore;
}

export async function openOrders(options: OpenOptions = {}): Promise<OpenOrders> {
  // The queue shares the SQLite file as in embedded mode; beside another store it gets its own.
  const queueStore = createSqliteStore({ file: ':memory:' });
  const store = options.store ?? queueStore;
  const queue = createSqliteQueue({ database: queueStore });
  const bus = createMemoryEventBus({ onHandlerError: (error) => console.error(error) });
  const events: EventEnvelope[] = [];
  bus.subscribe('*', async (event) => {
    events.push(event);
  });
  const catalog = createCatalogService({ store });
  const payments = createSandboxProcessor({ store });
  const orders = createOrdersService({
    store,
    queue,
    events: bus,
    catalog: (options.wrapCatalog ?? ((c) => c))(
      createInProcessCatalogClient(catalog.module, { timeoutMs: 1_000 }),
    ),
    payments,
    now: options.now ?? (() => fixedNow),
    options: options.orders ?? fastOptions,
  });
  for (const set of [catalog.migrations, payments.migrations, orders.migrations]) await store.migrate(set);
  const product = {
    name: 'A dozen red roses',
    price: { amount: options.price ?? 4999, currency: 'USD' },
    stock: options.stock ?? 10,
  };
  const created = await call(catalog.module, 'createProduct', { caller: operator, body: product });
  return {
    store,
    db: store.db as OrdersDb,
    queue,
    payments,
    orders,
    sut: orders.module,
    catalog: catalog.module,
    events,
    productId: (created.body as { id: string }).id,
    async close() {
      await orders.worker.stop();
      await orders.relays.stop();
      await queue.close();
      await bus.close();
      if (queueStore !== store) await queueStore.close();
      await store.close();
    },
  };
}

/** Calls an operation the way the gateway would. */
export function call(sut: ServiceModule, operationId: string, parts: Partial<OperationRequest> = {}) {
  const handler = sut.operations[operationId];
  if (!handler) throw new Error(`no operation ${operationId}`);
  return handler({
    operationId,
    params: {},
    query: {},
    body: undefined,
    headers: {},
    caller: null,
    requestId: 'req_test',
    ...parts,
  });
}

/** The lecture's three fields plus a token; override any of them. */
export function checkoutBody(productId: string, extra: Record<string, unknown> = {}) {
  return { productId, deliveryAddress: '1 Main St, Springfield, IL 62701', deliveryDate: tomorrow, ...extra };
}

export async function place(
  open: OpenOrders,
  extra: Record<string, unknown> = {},
  caller: Caller = buyer,
): Promise<string> {
  const answer = await call(open.sut, 'checkout', { caller, body: checkoutBody(open.productId, extra) });
  return (answer.body as { orderId: string }).orderId;
}

export async function count(
  db: OrdersDb,
  table: 'orders_order' | 'orders_outbox' | 'orders_idempotency' | 'orders_processed_message',
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function stockOf(open: OpenOrders): Promise<number> {
  const answer = await call(open.catalog, 'getProduct', { params: { productId: open.productId } });
  return (answer.body as { stock: number }).stock;
}
