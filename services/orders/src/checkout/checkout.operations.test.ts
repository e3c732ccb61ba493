// Checkout accepts at once (202), writes order and outbox together, and honours Idempotency-Key.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buyer,
  call,
  checkoutBody,
  count,
  type OpenOrders,
  openOrders,
  stranger,
} from '../testing/orders.fixture.js';

let open: OpenOrders;
beforeEach(async () => {
  open = await openOrders();
});
afterEach(() => open.close());

const checkout = (body: unknown, headers: Record<string, string> = {}, caller = buyer) =>
  call(open.sut, 'checkout', { caller, body, headers });

describe('checkout', () => {
  it('accepts the lecture body with 202, a pending order and where to follow it', async () => {
    const answer = await checkout(checkoutBody(open.productId, { quantity: 3 }));
    const body = answer.body as { orderId: string; statusUrl: string };
    expect(answer.status).toBe(202);
    expect(body).toEqual({
      success: true,
      message: expect.any(String),
      orderId: expect.stringMatching(/^ord_/),
      status: 'pending',
      statusUrl: `/v1/orders/${body.orderId}`,
    });
    expect(answer.headers?.location).toBe(body.statusUrl);
    const order = await call(open.sut, 'getOrder', { caller: buyer, params: { orderId: body.orderId } });
    expect(order.body).toMatchObject({
      status: 'pending',
      quantity: 3,
      amount: { amount: 3 * 4999, currency: 'USD' },
    });
  });

  it('writes the order with one queue row and one order.placed event row', async () => {
    await checkout(checkoutBody(open.productId));
    const rows = await open.db
      .selectFrom('orders_outbox')
      .select(['kind', 'topic'])
      .orderBy('kind')
      .execute();
    expect(rows).toEqual([
      { kind: 'event', topic: 'order.placed' },
      { kind: 'queue', topic: 'orders.placed' },
    ]);
  });

  it('takes the buyer from the caller, never from the body, and refuses anonymous callers', async () => {
    await expect(call(open.sut, 'checkout', { body: checkoutBody(open.productId) })).rejects.toMatchObject({
      kind: 'unauthenticated',
    });
    await expect(
      checkout({ ...checkoutBody(open.productId), userId: stranger.userId }),
    ).rejects.toMatchObject({
      kind: 'invalid',
      details: [expect.objectContaining({ field: 'body' })],
    });
    expect(await count(open.db, 'orders_order')).toBe(0);
  });

  it('answers the first answer again for the same key and body, in any key order', async () => {
    const headers = { 'idempotency-key': 'key-00000001' };
    const first = await checkout(checkoutBody(open.productId, { quantity: 2 }), headers);
    const reordered = { quantity: 2, ...checkoutBody(open.productId) };
    const again = await checkout(reordered, headers);
    expect(again.body).toEqual(first.body);
    expect(await count(open.db, 'orders_order')).toBe(1);
  });

  it('scopes keys per caller', async () => {
    const headers = { 'idempotency-key': 'key-00000001' };
    await checkout(checkoutBody(open.productId), headers);
    await checkout(checkoutBody(open.productId), headers, stranger);
    expect(await count(open.db, 'orders_order')).toBe(2);
  });

  it('answers 409 IDEMPOTENCY_KEY_REUSED for the same key with another body, writing nothing', async () => {
    const headers = { 'idempotency-key': 'key-00000001' };
    await checkout(checkoutBody(open.productId), headers);
    await expect(checkout(checkoutBody(open.productId, { quantity: 2 }), headers)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await count(open.db, 'orders_order')).toBe(1);
    expect(await count(open.db, 'orders_outbox')).toBe(2);
  });

  it('gives concurrent twins with one key a single order', async () => {
    const headers = { 'idempotency-key': 'key-00000002' };
    const answers = await Promise.all([1, 2, 3].map(() => checkout(checkoutBody(open.productId), headers)));
    expect(new Set(answers.map((a) => (a.body as { orderId: string }).orderId)).size).toBe(1);
    expect(await count(open.db, 'orders_order')).toBe(1);
  });

  it('keeps each of many concurrent checkouts its own outcome when their writes share a commit', async () => {
    // The store fails the write of any order of quantity 7, as a full disk or a bug would.
    await sql`create trigger fail_seven before insert on orders_order when new.quantity = 7
              begin select raise(abort, 'write failed'); end`.execute(open.db);
    const twins = { 'idempotency-key': 'key-twins-01' };
    const plain = Array.from({ length: 12 }, (_, i) =>
      checkout(checkoutBody(open.productId, { quantity: 1 + (i % 3) })),
    );
    const outcomes = await Promise.allSettled([
      ...plain,
      checkout(checkoutBody(open.productId, { quantity: 7 })),
      checkout(checkoutBody(open.productId), twins),
      checkout(checkoutBody(open.productId), twins),
      checkout(checkoutBody(open.productId, { quantity: 2 }), twins),
    ]);
    const [failed, twin1, twin2, reused] = outcomes.slice(12);
    expect(outcomes.slice(0, 12).every((o) => o.status === 'fulfilled')).toBe(true);
    expect(failed).toMatchObject({
      status: 'rejected',
      reason: expect.objectContaining({ message: expect.stringContaining('write failed') }),
    });
    expect(twin1).toMatchObject({ status: 'fulfilled' });
    expect(twin2).toEqual(twin1);
    expect(reused).toMatchObject({ status: 'rejected', reason: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    // 12 plain orders and one for the twins, each with its two outbox rows; nothing of the failed one.
    expect(await count(open.db, 'orders_order')).toBe(13);
    expect(await count(open.db, 'orders_outbox')).toBe(26);
    expect(await count(open.db, 'orders_idempotency')).toBe(1);
  });

  it('rejects a malformed Idempotency-Key', async () => {
    await expect(
      checkout(checkoutBody(open.productId), { 'idempotency-key': 'short' }),
    ).rejects.toMatchObject({
      kind: 'invalid',
      details: [{ field: 'header.Idempotency-Key', message: expect.any(String) }],
    });
  });
});
