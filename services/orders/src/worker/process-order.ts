// The payment worker's handler for `orders.placed`: reserve stock, charge once, confirm or fail.
import { isAppError, type Logger, PermanentFailure, type QueueMessage } from '@concierge/platform';
import type { CatalogClient } from '../catalog/catalog.client.js';
import { OrderRepository } from '../orders/order.repository.js';
import type { FailureReason } from '../orders/order.types.js';
import type { OrderTable } from '../orders.tables.js';
import { PaymentError, type PaymentProcessor } from '../payments/payment.port.js';
import { withTimeout } from '../payments/with-timeout.js';
import {
  declineMessage,
  outOfStockMessage,
  paymentErrorMessage,
  unavailableMessage,
} from './failure-messages.js';
import { giveBack } from './give-back.js';
import { decide, type OutcomeDeps, workerName } from './order-outcome.js';

export interface ProcessOrderDeps extends OutcomeDeps {
  catalog: CatalogClient;
  payments: PaymentProcessor;
  paymentTimeoutMs: number;
  /** Called after a commit that wrote outbox rows. */
  written: () => void;
  logger?: Pick<Logger, 'warn'>;
}

/**
 * Resolves when the message is done with (acked); throws for transient failures so the queue retries
 * with backoff. Every step is idempotent, so a redelivery at any point charges and confirms at most once.
 */
export function processOrder(deps: ProcessOrderDeps) {
  const orders = new OrderRepository(deps.db);

  async function fail(order: OrderTable, message: QueueMessage, reason: FailureReason, text: string) {
    const decision = { status: 'failed' as const, reason, message: text };
    const failed = await decide(deps, order, message.id, decision, message.headers.traceparent);
    if (failed) deps.written();
    await giveBack(deps, failed ?? order);
  }

  async function charge(order: OrderTable) {
    const request = {
      idempotencyKey: order.id,
      amount: Number(order.amount),
      currency: order.currency,
      token: order.payment_token,
      description: `Concierge order ${order.id}: ${order.quantity} × ${order.product_name}`,
    };
    return withTimeout(deps.paymentTimeoutMs, (options) => deps.payments.charge(request, options));
  }

  return async (message: QueueMessage<{ orderId?: unknown }>): Promise<void> => {
    const orderId = message.body?.orderId;
    if (typeof orderId !== 'string') throw new PermanentFailure('the message carries no orderId');
    // The order and the processed-message check in one statement (one wait for a joined commit, one round trip).
    const { order, processed: done } = await orders.findWithProcessed(orderId, workerName, message.id);
    if (!order) throw new PermanentFailure(`order ${orderId} does not exist`);
    if (order.status === 'failed' || order.status === 'cancelled') return giveBack(deps, order);
    if (order.status !== 'pending' || done) return;

    try {
      await deps.catalog.reserveStock({
        orderId,
        productId: order.product_id,
        quantity: Number(order.quantity),
      });
    } catch (error) {
      if (isAppError(error) && error.code === 'OUT_OF_STOCK')
        return fail(order, message, 'out_of_stock', outOfStockMessage);
      if (isAppError(error) && error.kind === 'not_found')
        return fail(order, message, 'product_unavailable', unavailableMessage);
      throw error;
    }

    let result: Awaited<ReturnType<PaymentProcessor['charge']>>;
    try {
      result = await charge(order);
    } catch (error) {
      if (error instanceof PaymentError && !error.transient)
        return fail(order, message, 'payment_error', paymentErrorMessage);
      throw error;
    }
    if (result.status === 'declined')
      return fail(order, message, 'payment_declined', declineMessage(result.declineCode));

    const confirmed = await decide(
      deps,
      order,
      message.id,
      { status: 'confirmed', paymentId: result.chargeId },
      message.headers.traceparent,
    );
    if (confirmed) return deps.written();
    // A concurrent delivery of the same work decided first: nothing left to do.
    const now = await orders.find(orderId);
    if (now?.status !== 'cancelled') return;
    // Cancelled while it was being paid: note the charge first, so a redelivery can still refund it.
    deps.logger?.warn({ orderId }, 'order cancelled during payment; refunding');
    await orders.notePaymentOfCancelled(orderId, result.chargeId);
    await giveBack(deps, { ...now, payment_id: result.chargeId });
  };
}
