// Test helpers: the model trained once per machine, a seeded catalog, the orders service, and a chat service on a
// fixed clock.
import os from 'node:os';
import path from 'node:path';
import { createCatalogService } from '@concierge/catalog';
import type { NluModel } from '@concierge/nlu';
import {
  createInProcessCatalogClient,
  createOrdersService,
  createSandboxProcessor,
  type OrdersService,
} from '@concierge/orders';
import {
  type Cache,
  type Caller,
  createMemoryCache,
  createMemoryEventBus,
  createSqliteQueue,
  createSqliteStore,
  type EventBus,
  type OperationRequest,
  type ServiceModule,
  type SqliteStore,
  type SqlStore,
} from '@concierge/platform';
import {
  type ChatService,
  createChatService,
  inProcessCatalogClient,
  inProcessOrdersClient,
  type OrderInfo,
} from '../index.js';
import { readBotDefinition } from '../nlu/bot-definition.js';
import { loadOrTrainModel } from '../nlu/model-store.js';
import type { BookingInfo } from '../recommend/recommend.types.js';

let model: NluModel | undefined;

/** The concierge model, from a shared temp folder: trained by the first test file that needs it. */
export function testModel(): NluModel {
  model ??= loadOrTrainModel({
    dataDir: path.join(os.tmpdir(), 'concierge-chat-test'),
    botYaml: readBotDefinition(),
  });
  return model;
}

export const alice: Caller = { userId: 'usr_alice', roles: ['customer'], via: 'jwt' };
export const bob: Caller = { userId: 'usr_bob', roles: ['customer'], via: 'jwt' };

/** Tuesday 10 March 2026, 15:00 in New York. */
export const start = Date.parse('2026-03-10T19:00:00Z');

export interface OpenChat {
  chat: ChatService;
  /** The catalog the chat books at (`listBookings` shows what the dialog booked). */
  catalog: ServiceModule;
  /** The real orders service the chat reads the caller's orders from (`placeOrder` places one). */
  orders: OrdersService;
  store: SqlStore;
  cache: Cache;
  clock: { now: number };
  /** Sends one text as `caller` and returns the conversation id and replies as wire messages. */
  send(
    text: string,
    options?: { caller?: Caller; conversationId?: string; timeZone?: string },
  ): Promise<Answer>;
  close(): Promise<void>;
}

export interface Answer {
  conversationId: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read the wire shape loosely
  messages: any[];
  texts: string[];
}

export interface OpenChatOptions {
  cache?: Cache;
  events?: EventBus;
  idleTtlMs?: number;
  /** What the chat calls instead of the orders service's module (an outage, a slow service). */
  ordersSeen?: (orders: ServiceModule) => ServiceModule;
  /** The chat's deadline on the orders service. */
  ordersTimeoutMs?: number;
}

export async function openChat(options: OpenChatOptions = {}): Promise<OpenChat> {
  const store = createSqliteStore({ file: ':memory:' });
  const clock = { now: start };
  // The catalog shares the chat's clock: bookings are refused for times already past.
  const catalog = createCatalogService({ store, now: () => new Date(clock.now) });
  await store.migrate(catalog.migrations);
  await catalog.seed({ products: 60, restaurants: 300 });
  const cache = options.cache ?? createMemoryCache();
  const { orders, close: closeOrders } = await composeOrders(
    store,
    catalog.module,
    () => new Date(clock.now),
  );
  const ordersModule = options.ordersSeen ? options.ordersSeen(orders.module) : orders.module;
  const chat = createChatService({
    store,
    cache,
    catalog: inProcessCatalogClient(catalog.module),
    orders: inProcessOrdersClient(
      ordersModule,
      options.ordersTimeoutMs ? { timeoutMs: options.ordersTimeoutMs } : {},
    ),
    model: testModel(),
    now: () => new Date(clock.now),
    ...(options.events ? { events: options.events } : {}),
    ...(options.idleTtlMs ? { idleTtlMs: options.idleTtlMs } : {}),
  });
  await store.migrate(chat.migrations);
  const send: OpenChat['send'] = async (text, o = {}) => {
    const res = await chat.module.operations.sendMessage!({
      operationId: 'sendMessage',
      params: {},
      query: {},
      headers: {},
      requestId: 'test',
      caller: o.caller ?? alice,
      body: {
        messages: [{ type: 'unstructured', unstructured: { text } }],
        ...(o.conversationId ? { conversationId: o.conversationId } : {}),
        ...(o.timeZone ? { timeZone: o.timeZone } : {}),
      },
    });
    const body = res.body as { conversationId: string; messages: Answer['messages'] };
    const texts = body.messages.map((m) => m.unstructured?.text ?? m.structured?.text);
    return { ...body, texts };
  };
  return {
    chat,
    catalog: catalog.module,
    orders,
    store,
    cache,
    clock,
    send,
    async close() {
      await closeOrders();
      await store.close();
    },
  };
}

/** The orders service as in the embedded mode: the same SQLite file, its queue, a memory bus, the sandbox. */
export async function composeOrders(
  store: SqliteStore,
  catalog: ServiceModule,
  now: () => Date,
): Promise<{ orders: OrdersService; close(): Promise<void> }> {
  const queue = createSqliteQueue({ database: store });
  const bus = createMemoryEventBus({ onHandlerError: (error) => console.error(error) });
  const payments = createSandboxProcessor({ store });
  const orders = createOrdersService({
    store,
    queue,
    events: bus,
    catalog: createInProcessCatalogClient(catalog),
    payments,
    now,
    options: {
      relayPollMs: 10,
      worker: { concurrency: 2, idlePollMs: 10, retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 } },
    },
  });
  for (const set of [payments.migrations, orders.migrations]) await store.migrate(set);
  return {
    orders,
    async close() {
      await orders.worker.stop();
      await orders.relays.stop();
      await queue.close();
      await bus.close();
    },
  };
}

const request = (operationId: string, parts: Partial<OperationRequest>): OperationRequest => ({
  operationId,
  params: {},
  query: {},
  headers: {},
  body: undefined,
  caller: null,
  requestId: 'test',
  ...parts,
});

/**
 * Places an order of the catalog's product named `productName` as `caller` through the orders service's
 * checkout, and waits until the payment worker has settled it (`tok_chargeDeclined` fails it).
 */
export async function placeOrder(
  open: OpenChat,
  caller: Caller,
  productName: string,
  options: { deliveryDate: string; paymentToken?: string; settle?: boolean },
): Promise<OrderInfo> {
  const found = await open.catalog.operations.listProducts!(
    request('listProducts', { query: { q: productName } }),
  );
  const product = (found.body as { items: { id: string; name: string }[] }).items.find(
    (p) => p.name === productName,
  );
  if (!product) throw new Error(`no product ${productName}`);
  const placed = await open.orders.module.operations.checkout!(
    request('checkout', {
      caller,
      body: {
        productId: product.id,
        deliveryAddress: '1 Main St, Springfield, IL 62701',
        deliveryDate: options.deliveryDate,
        paymentToken: options.paymentToken ?? 'tok_visa',
      },
    }),
  ).catch((error) => {
    throw new Error(`${productName} not placed: ${JSON.stringify(error.details ?? error.message)}`);
  });
  const orderId = (placed.body as { orderId: string }).orderId;
  const read = async () =>
    (await open.orders.module.operations.getOrder!(request('getOrder', { caller, params: { orderId } })))
      .body as OrderInfo;
  if (options.settle === false) return read();
  open.orders.relays.start();
  open.orders.worker.start();
  for (let waited = 0; waited < 10_000; waited += 10) {
    const order = await read();
    if (order.status !== 'pending') return order;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`order ${orderId} still pending`);
}

/** A conversation helper: keeps the id between turns. */
export function talk(open: OpenChat, caller: Caller = alice) {
  let id: string | undefined;
  return async (text: string) => {
    const answer = await open.send(text, { caller, ...(id ? { conversationId: id } : {}) });
    id = answer.conversationId;
    return answer;
  };
}

/** The catalog's bookings of `caller`, as `GET /v1/bookings` lists them. */
export async function bookingsOf(open: OpenChat, caller: Caller): Promise<BookingInfo[]> {
  const res = await open.catalog.operations.listBookings!({
    operationId: 'listBookings',
    params: {},
    query: {},
    headers: {},
    body: undefined,
    caller,
    requestId: 'test',
  });
  return (res.body as { items: BookingInfo[] }).items;
}
