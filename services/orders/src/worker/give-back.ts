// Compensation for orders that will not be delivered: refund a noted charge and release the stock.
import type { CatalogClient } from '../catalog/catalog.client.js';
import type { OrderTable } from '../orders.tables.js';
import type { PaymentProcessor } from '../payments/payment.port.js';
import { withTimeout } from '../payments/with-timeout.js';

export interface GiveBackDeps {
  catalog: CatalogClient;
  payments: PaymentProcessor;
  paymentTimeoutMs: number;
}

/**
 * Idempotent, so every delivery of a failed or cancelled order runs it: a worker that died after
 * deciding but before giving back leaves the job to the redelivery.
 */
export async function giveBack(deps: GiveBackDeps, order: Pick<OrderTable, 'id' | 'status' | 'payment_id'>) {
  const refund = deps.payments.refund?.bind(deps.payments);
  const find = deps.payments.findCharge?.bind(deps.payments);
  if (order.status === 'cancelled' && refund) {
    let chargeId = order.payment_id;
    // No charge noted: an earlier attempt may still have charged and lost its answer (a timeout) before
    // the order was cancelled. The order id was its idempotency key; ask the processor.
    if (!chargeId && find) {
      const earlier = await withTimeout(deps.paymentTimeoutMs, (options) => find(order.id, options));
      if (earlier?.status === 'succeeded') chargeId = earlier.chargeId;
    }
    if (chargeId) {
      const id = chargeId;
      await withTimeout(deps.paymentTimeoutMs, (options) => refund(id, options));
    }
  }
  await deps.catalog.releaseStock({ orderId: order.id });
}
