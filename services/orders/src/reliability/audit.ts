// Counts what the reliability scenarios promise: every order decided once, charged at most once, none lost.
import type { OrdersDb } from '../orders.tables.js';
import type { SandboxChargeTable } from '../payments/sandbox.tables.js';

export interface Audit {
  orders: number;
  confirmed: number;
  failed: number;
  /** Orders still pending, or decided without exactly one terminal event. */
  lost: number;
  /** Orders with more than one terminal event, or a confirmed order whose charge differs or was refunded. */
  duplicated: number;
  /** Orders whose outcome is not the one their card token calls for. */
  wrongOutcome: number;
}

/** `expected` maps each order id to the status its token must end in. */
export async function audit(
  db: OrdersDb,
  charges: SandboxChargeTable[],
  expected: Map<string, string>,
): Promise<Audit> {
  const orders = await db.selectFrom('orders_order').select(['id', 'status', 'payment_id']).execute();
  const events = await db
    .selectFrom('orders_outbox')
    .select(['topic', 'payload'])
    .where('kind', '=', 'event')
    .execute();
  const terminal = new Map<string, number>();
  for (const event of events) {
    if (event.topic !== 'order.confirmed' && event.topic !== 'order.failed') continue;
    const orderId = (JSON.parse(event.payload) as { data: { orderId: string } }).data.orderId;
    terminal.set(orderId, (terminal.get(orderId) ?? 0) + 1);
  }
  const chargeByKey = new Map(charges.map((c) => [c.idempotency_key, c]));
  let lost = expected.size - orders.length;
  let duplicated = 0;
  let wrongOutcome = 0;
  for (const order of orders) {
    const decided = order.status === 'confirmed' || order.status === 'failed';
    const finals = terminal.get(order.id) ?? 0;
    if (!decided || finals === 0) lost++;
    if (finals > 1) duplicated++;
    const charge = chargeByKey.get(order.id);
    if (
      order.status === 'confirmed' &&
      (charge?.charge_id !== order.payment_id || charge.refunded_at !== null)
    )
      duplicated++;
    if (expected.get(order.id) !== order.status) wrongOutcome++;
  }
  return {
    orders: orders.length,
    confirmed: orders.filter((o) => o.status === 'confirmed').length,
    failed: orders.filter((o) => o.status === 'failed').length,
    lost,
    duplicated,
    wrongOutcome,
  };
}
