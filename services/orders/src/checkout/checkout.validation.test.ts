// Bad checkouts: each the documented 400 naming its field, and nothing written anywhere.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buyer, call, checkoutBody, count, type OpenOrders, openOrders } from '../testing/orders.fixture.js';

let open: OpenOrders;
beforeEach(async () => {
  open = await openOrders({ stock: 5 });
});
afterEach(() => open.close());

const address = { line1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US' };

const cases: [string, Record<string, unknown>, string][] = [
  ['an unknown product', { productId: 'prd_nope' }, 'body.productId'],
  ['a past date', { deliveryDate: '2026-06-14' }, 'body.deliveryDate'],
  ['a date beyond the delivery window', { deliveryDate: '2026-07-16' }, 'body.deliveryDate'],
  ['a date that does not exist', { deliveryDate: '2026-02-30' }, 'body.deliveryDate'],
  ['quantity zero', { quantity: 0 }, 'body.quantity'],
  ['a negative quantity', { quantity: -3 }, 'body.quantity'],
  ['a huge quantity', { quantity: 1_000_000_000 }, 'body.quantity'],
  ['a fractional quantity', { quantity: 1.5 }, 'body.quantity'],
  ['more than is in stock', { quantity: 6 }, 'body.quantity'],
  ['a huge one-line address', { deliveryAddress: 'x'.repeat(501) }, 'body.deliveryAddress'],
  ['a huge street', { deliveryAddress: { ...address, line1: 'x'.repeat(201) } }, 'body.deliveryAddress'],
  ['a blank city', { deliveryAddress: { ...address, city: '   ' } }, 'body.deliveryAddress'],
  [
    'a missing postal code',
    { deliveryAddress: { ...address, postalCode: undefined } },
    'body.deliveryAddress',
  ],
  ['a lower-case country', { deliveryAddress: { ...address, country: 'us' } }, 'body.deliveryAddress'],
  ['an empty contact', { contact: {} }, 'body.contact'],
  ['a malformed phone', { recipient: { name: 'Mary', phone: '555-0123' } }, 'body.recipient.phone'],
  ['a huge card message', { cardMessage: 'x'.repeat(501) }, 'body.cardMessage'],
  ['an unknown field', { price: 1 }, 'body'],
];

describe('checkout rejects', () => {
  it.each(cases)('%s', async (_, extra, field) => {
    const body = checkoutBody(open.productId, extra);
    const error = await call(open.sut, 'checkout', { caller: buyer, body }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'invalid',
      details: expect.arrayContaining([expect.objectContaining({ field: expect.stringContaining(field) })]),
    });
    expect(await count(open.db, 'orders_order')).toBe(0);
    expect(await count(open.db, 'orders_outbox')).toBe(0);
    expect(await count(open.db, 'orders_idempotency')).toBe(0);
  });

  it('an out-of-stock product', async () => {
    const sold = await call(open.catalog, 'createProduct', {
      caller: { userId: 'usr_op', roles: ['operator'], via: 'jwt' },
      body: { name: 'Sold out', price: { amount: 100, currency: 'USD' }, stock: 0 },
    });
    const body = checkoutBody((sold.body as { id: string }).id);
    await expect(call(open.sut, 'checkout', { caller: buyer, body })).rejects.toMatchObject({
      details: [{ field: 'body.productId', message: 'out of stock' }],
    });
  });

  it('a missing body, naming every required field', async () => {
    const error = await call(open.sut, 'checkout', { caller: buyer }).catch((e: unknown) => e);
    const fields = (error as { details: { field: string }[] }).details.map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.productId', 'body.deliveryAddress', 'body.deliveryDate']),
    );
  });

  it('nothing for a key whose first use was rejected, so a corrected retry goes through', async () => {
    const headers = { 'idempotency-key': 'key-00000003' };
    await expect(
      call(open.sut, 'checkout', {
        caller: buyer,
        headers,
        body: checkoutBody(open.productId, { quantity: 0 }),
      }),
    ).rejects.toThrow();
    const answer = await call(open.sut, 'checkout', {
      caller: buyer,
      headers,
      body: checkoutBody(open.productId),
    });
    expect(answer.status).toBe(202);
  });
});
