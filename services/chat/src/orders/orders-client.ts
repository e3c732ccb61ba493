// The caller's orders as the chat sees them: a port, implemented over the orders service's operations (in
// process, or over HTTP when the module is a remote one), each call bounded by a deadline.
import { AppError, type Caller, type OperationRequest, type ServiceModule } from '@concierge/platform';

export type OrderStatus = 'pending' | 'confirmed' | 'failed' | 'cancelled';

/** The fields of the contract's `Order` the chat talks about. */
export interface OrderInfo {
  id: string;
  status: OrderStatus;
  productId: string;
  productName: string;
  quantity: number;
  /** `YYYY-MM-DD`, the shop's calendar day. */
  deliveryDate: string;
  /** Why a failed order failed, in the customer's words ("The card was declined."). */
  failureReason?: string;
  createdAt: string;
}

export interface OrdersClient {
  /** The caller's own orders, newest first (`listOrders`); rejects when the orders service cannot answer. */
  recent(caller: Caller, limit: number): Promise<OrderInfo[]>;
  /** Cancels the caller's own order (`cancelOrder`): resolves with the order as it now is; 409 when too late. */
  cancel(caller: Caller, orderId: string): Promise<OrderInfo>;
}

export interface OrdersClientOptions {
  /** How long the chat waits for the orders service before answering without it. Default 3 s. */
  timeoutMs?: number;
}

/**
 * Only the caller's own orders: the operator role is dropped, so that even an operator chatting sees (and
 * cancels) none but their own.
 */
const asCustomer = (caller: Caller): Caller => ({
  ...caller,
  roles: caller.roles.filter((r) => r !== 'operator'),
});

/**
 * Calls the orders operations as the gateway would, in the caller's name.
 * @example const orders = inProcessOrdersClient(ordersService.module); // or remote.module('orders')
 */
export function inProcessOrdersClient(
  orders: ServiceModule,
  options: OrdersClientOptions = {},
): OrdersClient {
  const timeoutMs = options.timeoutMs ?? 3_000;
  const call = async (operationId: string, caller: Caller, extra: Partial<OperationRequest>) => {
    const handler = orders.operations[operationId];
    if (!handler) throw new AppError('unavailable', `orders has no operation ${operationId}`);
    const signal = AbortSignal.timeout(timeoutMs);
    const request: OperationRequest = {
      operationId,
      params: {},
      query: {},
      body: undefined,
      headers: {},
      caller: asCustomer(caller),
      requestId: 'chat',
      signal,
      ...extra,
    };
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new AppError('unavailable', `the orders service did not answer in ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      return (await Promise.race([handler(request), late])).body;
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    recent: async (caller, limit) =>
      ((await call('listOrders', caller, { query: { limit } })) as { items: OrderInfo[] }).items,
    cancel: async (caller, orderId) =>
      (await call('cancelOrder', caller, { params: { orderId } })) as OrderInfo,
  };
}
