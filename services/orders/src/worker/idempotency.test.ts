// Redelivery at any point charges once and confirms once.
import { eventually } from '@concierge/platform/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { ordersPlacedQueue } from '../events/order-events.js';
import { type OpenOrders, openOrders, place, stockOf } from '../testing/orders.fixture.js';

let open: OpenOrders;
afterEach(() => open.close());

const confirmedEvents = () => open.events.filter((e) => e.type === 'order.confirmed');

describe('redelivered order.placed messages', () => {
  it('are acked without a second charge or confirmation', async () => {
    open = await openOrders();
    const id = await place(open);
    await open.orders.relays.flush();
    const [message] = await open.db
      .selectFrom('orders_outbox')
      .selectAll()
      .where('kind', '=', 'queue')
      .execute();
    // The same work arrives twice more as new messages (a relay resend after a crash), handled concurrently.
    await open.queue.send(ordersPlacedQueue, JSON.parse(message!.payload), { id: 'msg_dup_1' });
    await open.queue.send(ordersPlacedQueue, JSON.parse(message!.payload), { id: 'msg_dup_2' });
    open.orders.worker.start();
    await eventually(async () => expect(await open.queue.depth(ordersPlacedQueue)).toBe(0));
    await open.orders.relays.flush();
    const charges = await open.payments.ledger.all();
    // Deliveries running side by side may each ask the processor; its ledger charges the key once.
    expect(charges).toEqual([expect.objectContaining({ refunded_at: null })]);
    expect(await stockOf(open)).toBe(9);
    expect(confirmedEvents()).toHaveLength(1);
    expect(confirmedEvents()[0]?.data).toMatchObject({ orderId: id });
  });

  it('answer the first charge again when the worker died between charging and confirming', async () => {
    open = await openOrders();
    let crashes = 1;
    const charge = open.payments.charge.bind(open.payments);
    open.payments.charge = async (request, options) => {
      const result = await charge(request, options);
      if (crashes-- > 0) throw new Error('worker lost its answer after the charge went through');
      return result;
    };
    const id = await place(open);
    open.orders.relays.start();
    open.orders.worker.start();
    await eventually(async () => expect(confirmedEvents()).toHaveLength(1));
    const charges = await open.payments.ledger.all();
    expect(charges).toEqual([expect.objectContaining({ idempotency_key: id, requests: 2 })]);
    const processed = await open.db.selectFrom('orders_processed_message').selectAll().execute();
    expect(processed).toHaveLength(1);
  });
});

describe('a worker that dies after failing an order but before giving the stock back', () => {
  it('leaves the release to the redelivery', async () => {
    let crashes = 1;
    open = await openOrders({
      stock: 5,
      wrapCatalog: (client) => ({
        ...client,
        async releaseStock(request) {
          if (crashes-- > 0) throw new Error('worker died before releasing');
          return client.releaseStock(request);
        },
      }),
    });
    await place(open, { paymentToken: 'tok_chargeDeclined', quantity: 2 });
    open.orders.relays.start();
    open.orders.worker.start();
    await eventually(async () => {
      expect(crashes).toBeLessThan(0);
      expect(await open.queue.depth(ordersPlacedQueue)).toBe(0);
    });
    expect(await stockOf(open)).toBe(5);
    await open.orders.relays.flush();
    expect(open.events.filter((e) => e.type === 'order.failed')).toHaveLength(1);
  });
});
