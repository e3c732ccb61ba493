// The payment worker end to end: confirm, decline, sold out, transient retries, outage, timeout to DLQ.
import { eventually } from '@concierge/platform/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { PaymentError } from '../payments/payment.port.js';
import { eventProblems } from '../testing/event-schemas.js';
import {
  buyer,
  call,
  fastOptions,
  type OpenOrders,
  openOrders,
  place,
  stockOf,
} from '../testing/orders.fixture.js';

let open: OpenOrders;
afterEach(() => open.close());

async function start(options: Parameters<typeof openOrders>[0] = {}) {
  open = await openOrders(options);
  open.orders.relays.start();
  open.orders.worker.start();
}

const order = async (id: string) =>
  (await call(open.sut, 'getOrder', { caller: buyer, params: { orderId: id } })).body as Record<
    string,
    unknown
  >;
const settled = (id: string, status: string) =>
  eventually(async () => expect(await order(id)).toMatchObject({ status }), { timeoutMs: 5_000 });
const ofType = (type: string) => open.events.filter((e) => e.type === type);

describe('payment worker', () => {
  it('confirms a good card: stock taken, one charge, order.confirmed valid against api/events', async () => {
    await start({ stock: 5 });
    const id = await place(open, { quantity: 2, contact: { email: 'john@example.com' } });
    await settled(id, 'confirmed');
    expect((await order(id)).confirmationNumber).toMatch(/^CNC-[A-F0-9]{4}-[A-F0-9]{4}$/);
    expect(await stockOf(open)).toBe(3);
    expect(await open.payments.ledger.all()).toEqual([
      expect.objectContaining({ idempotency_key: id, amount: 2 * 4999, status: 'succeeded' }),
    ]);
    await eventually(() => expect(ofType('order.confirmed')).toHaveLength(1));
    expect(ofType('order.placed')).toHaveLength(1);
    for (const event of open.events) expect(eventProblems(event)).toEqual([]);
  });

  it.each([
    ['tok_chargeDeclined', 'The card was declined.'],
    ['tok_insufficientFunds', 'The card has insufficient funds.'],
    ['tok_stolenCard', 'The card was declined.'],
  ])('fails the order for %s and gives the stock back', async (token, message) => {
    await start({ stock: 5 });
    const id = await place(open, { paymentToken: token });
    await settled(id, 'failed');
    expect((await order(id)).failureReason).toBe(message);
    expect(await stockOf(open)).toBe(5);
    await eventually(() =>
      expect(ofType('order.failed').map((e) => e.data)).toEqual([
        expect.objectContaining({ orderId: id, reason: 'payment_declined', message }),
      ]),
    );
    expect(eventProblems(ofType('order.failed')[0]!)).toEqual([]);
  });

  it('fails an order for an unknown token as payment_error', async () => {
    await start();
    const id = await place(open, { paymentToken: 'tok_unknown' });
    await settled(id, 'failed');
    await eventually(() =>
      expect(ofType('order.failed')[0]?.data).toMatchObject({ reason: 'payment_error' }),
    );
  });

  it('fails the second of two orders racing for the last item as out_of_stock', async () => {
    await start({ stock: 1 });
    const ids = [await place(open), await place(open)];
    await Promise.all(
      ids.map((id) => eventually(async () => expect((await order(id)).status).not.toBe('pending'))),
    );
    const statuses = (await Promise.all(ids.map(order))).map((o) => o.status).sort();
    expect(statuses).toEqual(['confirmed', 'failed']);
    expect(await stockOf(open)).toBe(0);
  });

  it('retries a transient failure (tok_retry) and then confirms, charging once', async () => {
    await start();
    const id = await place(open, { paymentToken: 'tok_retry' });
    await settled(id, 'confirmed');
    expect(await open.payments.ledger.all()).toHaveLength(1);
  });

  it('waits out a processor outage and completes after recovery, failing nothing', async () => {
    await start({
      orders: {
        relayPollMs: 10,
        paymentTimeoutMs: 200,
        worker: { idlePollMs: 5, retry: { maxAttempts: 50, baseDelayMs: 5, maxDelayMs: 40 } },
      },
    });
    open.payments.setOutage(true);
    const ids = [await place(open), await place(open), await place(open)];
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await Promise.all(ids.map(order))).map((o) => o.status)).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
    open.payments.setOutage(false);
    for (const id of ids) await settled(id, 'confirmed');
    expect(await open.queue.deadLetters.count('orders.placed')).toBe(0);
  });

  it('treats a hanging processor as transient and dead-letters the message after the last attempt', async () => {
    await start();
    const id = await place(open, { paymentToken: 'tok_timeout' });
    await eventually(async () => expect(await open.queue.deadLetters.count('orders.placed')).toBe(1), {
      timeoutMs: 5_000,
    });
    expect((await order(id)).status).toBe('pending');
    const [letter] = await open.queue.deadLetters.list('orders.placed');
    expect(letter).toMatchObject({ attempts: 3, body: expect.objectContaining({ orderId: id }) });
    expect(letter?.lastError).toMatch(/timed out|aborted/);
  });

  it('releases the stock of an order cancelled before the worker got to it', async () => {
    open = await openOrders({ stock: 5 });
    const id = await place(open);
    await call(open.sut, 'cancelOrder', { caller: buyer, params: { orderId: id } });
    open.orders.relays.start();
    open.orders.worker.start();
    await eventually(async () => expect(await open.queue.depth('orders.placed')).toBe(0));
    expect(await stockOf(open)).toBe(5);
    expect(await open.payments.ledger.all()).toEqual([]);
  });
});

describe('a charge whose answer was lost', () => {
  it('is found and refunded when the order is cancelled before the retry', async () => {
    open = await openOrders({ stock: 5, orders: { ...fastOptions, paymentTimeoutMs: 5_000 } });
    const charge = open.payments.charge.bind(open.payments);
    let first = true;
    open.payments.charge = async (request, options) => {
      const result = await charge(request, options);
      if (!first) return result;
      first = false;
      // The processor charged, but its answer never arrived; the customer cancels before the retry.
      await call(open.sut, 'cancelOrder', { caller: buyer, params: { orderId: request.idempotencyKey } });
      throw new PaymentError('the payment processor did not answer', true, 'timeout');
    };
    const id = await place(open);
    open.orders.relays.start();
    open.orders.worker.start();
    await eventually(async () =>
      expect(await open.payments.ledger.all()).toEqual([
        expect.objectContaining({
          idempotency_key: id,
          status: 'succeeded',
          refunded_at: expect.any(String),
        }),
      ]),
    );
    await eventually(async () => expect(await stockOf(open)).toBe(5));
    expect((await order(id)).status).toBe('cancelled');
    expect(ofType('order.confirmed')).toEqual([]);
  });
});

describe('an order cancelled while it is being paid', () => {
  it('is refunded and its stock given back', async () => {
    // The payment calls get the production-like budget: this test is about the cancellation, and on a
    // loaded machine the fast fixture's 200 ms can run out around the cancel, the charge or the refund.
    open = await openOrders({ stock: 5, orders: { ...fastOptions, paymentTimeoutMs: 5_000 } });
    const charge = open.payments.charge.bind(open.payments);
    open.payments.charge = async (request, options) => {
      await call(open.sut, 'cancelOrder', { caller: buyer, params: { orderId: request.idempotencyKey } });
      return charge(request, options);
    };
    const id = await place(open);
    open.orders.relays.start();
    open.orders.worker.start();
    await eventually(async () =>
      expect(await open.payments.ledger.all()).toEqual([
        expect.objectContaining({ refunded_at: expect.any(String) }),
      ]),
    );
    await eventually(async () => expect(await stockOf(open)).toBe(5));
    expect((await order(id)).status).toBe('cancelled');
    expect(ofType('order.confirmed')).toEqual([]);
  });
});
