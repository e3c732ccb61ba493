// Answers match the OpenAPI contract the gateway serializes them by.
import { eventually } from '@concierge/platform/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contractProblems } from '../testing/openapi-schemas.js';
import {
  buyer,
  call,
  checkoutBody,
  type OpenOrders,
  openOrders,
  operator,
  place,
} from '../testing/orders.fixture.js';

let open: OpenOrders;
beforeEach(async () => {
  open = await openOrders();
});
afterEach(() => open.close());

const address = {
  line1: '1 Main St',
  line2: 'Apt 2',
  city: 'Springfield',
  state: 'IL',
  postalCode: '62701',
  country: 'US',
};

describe('the orders contract', () => {
  it('is really checked', () => {
    expect(contractProblems('Order', { id: 'ord_1' })).not.toEqual([]);
  });

  it('CheckoutAccepted, Order (pending, confirmed, failed) and OrderPage', async () => {
    const body = checkoutBody(open.productId, {
      deliveryAddress: address,
      recipient: { name: 'Mary', phone: '+12175550123' },
      cardMessage: 'Hi',
      contact: { email: 'john@example.com' },
    });
    const accepted = await call(open.sut, 'checkout', { caller: buyer, body });
    expect(contractProblems('CheckoutAccepted', accepted.body)).toEqual([]);
    const declined = await place(open, { paymentToken: 'tok_chargeDeclined' });
    const get = (orderId: string) => call(open.sut, 'getOrder', { caller: buyer, params: { orderId } });
    expect(contractProblems('Order', (await get(declined)).body)).toEqual([]);
    open.orders.relays.start();
    open.orders.worker.start();
    await eventually(async () => expect((await get(declined)).body).toMatchObject({ status: 'failed' }));
    const orderId = (accepted.body as { orderId: string }).orderId;
    await eventually(async () => expect((await get(orderId)).body).toMatchObject({ status: 'confirmed' }));
    expect(contractProblems('Order', (await get(orderId)).body)).toEqual([]);
    expect(contractProblems('Order', (await get(declined)).body)).toEqual([]);
    const page = await call(open.sut, 'listAllOrders', { caller: operator, query: { limit: 1 } });
    expect(contractProblems('OrderPage', page.body)).toEqual([]);
  });

  it('DeadLetterPage, DeadLetter and ReplayAccepted', async () => {
    open.payments.setOutage(true);
    open.orders.relays.start();
    open.orders.worker.start();
    await place(open);
    await eventually(async () => expect(await open.queue.deadLetters.count('orders.placed')).toBe(1));
    const params = { queue: 'orders.placed' };
    const page = await call(open.sut, 'listDeadLetters', { caller: operator, params });
    expect(contractProblems('DeadLetterPage', page.body)).toEqual([]);
    const messageId = (page.body as { items: { messageId: string }[] }).items[0]?.messageId ?? '';
    const letter = await call(open.sut, 'getDeadLetter', {
      caller: operator,
      params: { ...params, messageId },
    });
    expect(contractProblems('DeadLetter', letter.body)).toEqual([]);
    const replay = await call(open.sut, 'replayDeadLetter', {
      caller: operator,
      params: { ...params, messageId },
    });
    expect(contractProblems('ReplayAccepted', replay.body)).toEqual([]);
  });
});
