// Commits the worker's decision: the order's new status, the processed-message record and the event, together.
import { createHash } from 'node:crypto';
import { eventRow } from '../events/order-events.js';
import { eventBasics } from '../orders/order.mapper.js';
import { OrderRepository } from '../orders/order.repository.js';
import type { FailureReason } from '../orders/order.types.js';
import type { OrdersDb, OrderTable } from '../orders.tables.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { ProcessedRepository } from './processed.repository.js';

export const workerName = 'payment-worker';

export interface OutcomeDeps {
  db: OrdersDb;
  now: () => Date;
  newId: (prefix: string) => string;
}

/** Derived from the order id, so a repeated confirmation could never show a second number. */
export function confirmationNumber(orderId: string): string {
  const digest = createHash('sha256').update(orderId).digest('hex').toUpperCase();
  return `CNC-${digest.slice(0, 4)}-${digest.slice(4, 8)}`;
}

type Decision =
  | { status: 'confirmed'; paymentId: string }
  | { status: 'failed'; reason: FailureReason; message: string };

/**
 * The status change goes first: it is a write, so SQLite takes the write lock before any read, and
 * only a still-pending order changes. Undefined when the order was no longer pending (cancelled).
 */
export function decide(
  deps: OutcomeDeps,
  order: OrderTable,
  messageId: string,
  decision: Decision,
  traceparent?: string,
) {
  const at = deps.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const changes =
      decision.status === 'confirmed'
        ? {
            status: decision.status,
            confirmation_number: confirmationNumber(order.id),
            payment_id: decision.paymentId,
            updated_at: at,
          }
        : {
            status: decision.status,
            failure_reason: decision.reason,
            failure_message: decision.message,
            updated_at: at,
          };
    const row = await new OrderRepository(trx).settle(order.id, changes);
    if (!row) return undefined;
    await new ProcessedRepository(trx).record(workerName, messageId, at);
    const stamp = { id: deps.newId, at, traceparent };
    const data =
      decision.status === 'confirmed'
        ? {
            ...eventBasics(row),
            confirmationNumber: confirmationNumber(row.id),
            paymentId: decision.paymentId,
            quantity: Number(row.quantity),
            amount: { amount: Number(row.amount), currency: row.currency },
            deliveryDate: row.delivery_date,
          }
        : { ...eventBasics(row), reason: decision.reason, message: decision.message };
    await new OutboxRepository(trx).add([eventRow(`order.${decision.status}`, data, stamp)]);
    return row;
  });
}
