// A dead-lettered order completes once its cause is fixed and an operator replays it.
import { eventually } from '@concierge/platform/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { ordersPlacedQueue } from '../events/order-events.js';
import { buyer, call, type OpenOrders, openOrders, operator, place } from '../testing/orders.fixture.js';

let open: OpenOrders;
afterEach(() => open.close());

describe('replaying a dead-lettered order', () => {
  it('confirms it with a single charge', async () => {
    open = await openOrders();
    open.payments.setOutage(true);
    open.orders.relays.start();
    open.orders.worker.start();
    const id = await place(open);
    await eventually(async () => expect(await open.queue.deadLetters.count(ordersPlacedQueue)).toBe(1));
    open.payments.setOutage(false);
    const [letter] = await open.queue.deadLetters.list(ordersPlacedQueue);
    await call(open.sut, 'replayDeadLetter', {
      caller: operator,
      params: { queue: ordersPlacedQueue, messageId: letter!.id },
    });
    await eventually(async () => {
      const order = await call(open.sut, 'getOrder', { caller: buyer, params: { orderId: id } });
      expect(order.body).toMatchObject({ status: 'confirmed' });
    });
    expect(await open.payments.ledger.all()).toHaveLength(1);
  });
});
