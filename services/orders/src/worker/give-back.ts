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
  if (order.status === 'cancelled' && order.payment_id && refund) {
    const chargeId = order.payment_id;
    await withTimeout(deps.paymentTimeoutMs, (options) => refund(chargeId, options));
  }
  await deps.catalog.releaseStock({ orderId: order.id });
}
