// The order operations of the API contract, one line each; the buyer is always the verified caller.
import type { OperationHandler, OperationRequest } from '@concierge/platform';
import { ok } from '@concierge/platform';
import { operatorOnly, requireCaller } from '../access/caller.js';
import type { CheckoutService } from '../checkout/checkout.service.js';
import type { OrderService } from './order.service.js';

const orderId = (r: OperationRequest) => r.params.orderId ?? '';

export function orderOperations(
  checkout: CheckoutService,
  orders: OrderService,
): Record<string, OperationHandler> {
  return {
    checkout: async (r) => {
      const accepted = await checkout.checkout(requireCaller(r).userId, r);
      return { status: 202, body: accepted, headers: { location: accepted.statusUrl } };
    },
    listOrders: async (r) => ok(await orders.listOwn(requireCaller(r), r.query)),
    getOrder: async (r) => ok(await orders.get(requireCaller(r), orderId(r))),
    cancelOrder: async (r) => ok(await orders.cancel(requireCaller(r), orderId(r))),
    listAllOrders: operatorOnly(async (r) => ok(await orders.listAll(r.query))),
  };
}
