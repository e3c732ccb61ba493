// The orders service: checkout (202), order reads and cancel, the outbox relays, the payment worker and the DLQ.
import { prefixedId, type ServiceMigrations, type ServiceModule } from '@concierge/platform';
import { dlqOperations } from './admin/dlq.operations.js';
import { CheckoutService } from './checkout/checkout.service.js';
import { ordersMigrations } from './migrations/orders.migrations.js';
import { orderOperations } from './orders/order.operations.js';
import { OrderService } from './orders/order.service.js';
import type { OrdersDeps } from './orders.deps.js';
import type { OrdersDb } from './orders.tables.js';
import { OutboxRepository } from './outbox/outbox.repository.js';
import { createRelays, type Relays } from './outbox/relays.js';
import type { PaymentProcessor } from './payments/payment.port.js';
import { createRetention, defaultRetention, type Retention } from './retention/retention.js';
import { createOrderWorker, type OrderWorker } from './worker/order.worker.js';
import { processOrder } from './worker/process-order.js';

export * from './admin/dlq.commands.js';
export type { CatalogClient, CatalogProduct, StockRequest } from './catalog/catalog.client.js';
export { createInProcessCatalogClient } from './catalog/in-process-catalog.client.js';
export { ordersPlacedQueue } from './events/order-events.js';
export type { CheckoutAccepted, Order } from './orders/order.types.js';
export type { OrdersDeps, OrdersOptions } from './orders.deps.js';
export type { Relays } from './outbox/relays.js';
export * from './payments/payment.port.js';
export {
  createSandboxProcessor,
  type SandboxOptions,
  type SandboxProcessor,
} from './payments/sandbox.processor.js';
export { createStripeProcessor, type StripeOptions } from './payments/stripe.processor.js';
export {
  defaultRetention,
  type Retention,
  type RetentionPolicy,
  type SweepResult,
} from './retention/retention.js';
export { defaultWorkerOptions, type OrderWorker } from './worker/order.worker.js';
export { ordersMigrations };

export interface OrdersService {
  /** The operations the gateway routes to, by operationId. */
  module: ServiceModule;
  migrations: ServiceMigrations;
  /** The payment worker on `orders.placed`; run it in any number of processes. */
  worker: OrderWorker;
  /** The worker's handler of one `orders.placed` message, for hosts that receive messages themselves (AWS Lambda). */
  handleOrderPlaced: ReturnType<typeof processOrder>;
  /** Outbox → queue and outbox → event bus; run them where checkouts are taken (any number of processes). */
  relays: Relays;
  payments: PaymentProcessor;
  /** Hourly deletion of expired idempotency keys, old delivered outbox rows and dedup records; run it in one process or many. */
  retention: Retention;
}

/**
 * Wires orders over a store, a queue, an event bus, the catalog and a payment processor.
 * @example
 * const orders = createOrdersService({ store, queue, events, catalog: createInProcessCatalogClient(catalog.module), payments });
 * await store.migrate(orders.migrations);
 * orders.relays.start();
 * orders.worker.start();
 */
export function createOrdersService(deps: OrdersDeps): OrdersService {
  const db = deps.store.db as OrdersDb;
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? prefixedId;
  const options = deps.options ?? {};
  const relays = createRelays({
    outbox: new OutboxRepository(db),
    queue: deps.queue,
    events: deps.events,
    now,
    pollMs: options.relayPollMs ?? 200,
    timeoutMs: options.relayTimeoutMs ?? 5_000,
    ...(options.relayBatchSize ? { batchSize: options.relayBatchSize } : {}),
    ...(options.relayInFlight ? { inFlight: options.relayInFlight } : {}),
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
  const written = deps.onWritten ?? (() => relays.wake());
  const window = { timeZone: options.timeZone ?? 'America/New_York', days: options.deliveryWindowDays ?? 30 };
  const policy = { ...defaultRetention, ...options.retention };
  const keyTtlMs = policy.idempotencyKeyMs;
  const checkout = new CheckoutService({ db, catalog: deps.catalog, now, newId, window, written, keyTtlMs });
  const orders = new OrderService({ db, now, newId, written });
  const handler = processOrder({
    db,
    now,
    newId,
    written,
    catalog: deps.catalog,
    payments: deps.payments,
    paymentTimeoutMs: options.paymentTimeoutMs ?? 10_000,
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
  return {
    module: {
      name: 'orders',
      operations: { ...orderOperations(checkout, orders), ...dlqOperations(deps.queue, deps.logger) },
    },
    migrations: ordersMigrations,
    worker: createOrderWorker(deps.queue, handler, options.worker),
    handleOrderPlaced: handler,
    relays,
    payments: deps.payments,
    retention: createRetention({ db, now, policy, ...(deps.logger ? { logger: deps.logger } : {}) }),
  };
}
