// Order reads and cancel: owners see their own, others get 404, operators see all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buyer,
  call,
  type OpenOrders,
  openOrders,
  operator,
  place,
  stranger,
} from '../testing/orders.fixture.js';

let open: OpenOrders;
beforeEach(async () => {
  open = await openOrders({ stock: 100 });
});
afterEach(() => open.close());

type Page = { items: { id: string; status: string }[]; nextCursor: string | null };

describe('order reads', () => {
  it('lists only the caller’s orders, newest first, page by page', async () => {
    const mine = [await place(open), await place(open), await place(open)];
    await place(open, {}, stranger);
    const first = (await call(open.sut, 'listOrders', { caller: buyer, query: { limit: 2 } })).body as Page;
    const rest = (
      await call(open.sut, 'listOrders', { caller: buyer, query: { limit: 2, cursor: first.nextCursor } })
    ).body as Page;
    expect([...first.items, ...rest.items].map((o) => o.id)).toEqual([...mine].reverse());
    expect(rest.nextCursor).toBeNull();
  });

  it('filters by status and rejects a forged cursor', async () => {
    const id = await place(open);
    await call(open.sut, 'cancelOrder', { caller: buyer, params: { orderId: id } });
    await place(open);
    const cancelled = (await call(open.sut, 'listOrders', { caller: buyer, query: { status: 'cancelled' } }))
      .body as Page;
    expect(cancelled.items.map((o) => o.id)).toEqual([id]);
    await expect(
      call(open.sut, 'listOrders', { caller: buyer, query: { cursor: 'nope' } }),
    ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('shows an order to its owner and operators, and 404 to anyone else', async () => {
    const id = await place(open, { recipient: { name: 'Mary' }, cardMessage: 'Hi Mom' });
    const own = await call(open.sut, 'getOrder', { caller: buyer, params: { orderId: id } });
    expect(own.body).toMatchObject({
      id,
      recipient: { name: 'Mary' },
      cardMessage: 'Hi Mom',
      productName: 'A dozen red roses',
    });
    await expect(
      call(open.sut, 'getOrder', { caller: stranger, params: { orderId: id } }),
    ).rejects.toMatchObject({ kind: 'not_found' });
    await expect(
      call(open.sut, 'getOrder', { caller: buyer, params: { orderId: 'ord_missing' } }),
    ).rejects.toMatchObject({ kind: 'not_found' });
    expect(
      (await call(open.sut, 'getOrder', { caller: operator, params: { orderId: id } })).body,
    ).toMatchObject({ id });
    await expect(call(open.sut, 'getOrder', { params: { orderId: id } })).rejects.toMatchObject({
      kind: 'unauthenticated',
    });
  });

  it('lists everyone’s orders for operators only, optionally for one user', async () => {
    await place(open);
    await place(open, {}, stranger);
    const all = (await call(open.sut, 'listAllOrders', { caller: operator, query: {} })).body as Page;
    expect(all.items).toHaveLength(2);
    const one = (
      await call(open.sut, 'listAllOrders', { caller: operator, query: { userId: stranger.userId } })
    ).body as Page;
    expect(one.items).toHaveLength(1);
    await expect(call(open.sut, 'listAllOrders', { caller: buyer, query: {} })).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });
});

describe('cancelOrder', () => {
  it('cancels a pending order once, with an order.cancelled event, and answers it again after', async () => {
    const id = await place(open);
    const first = await call(open.sut, 'cancelOrder', { caller: buyer, params: { orderId: id } });
    const again = await call(open.sut, 'cancelOrder', { caller: buyer, params: { orderId: id } });
    expect(first.body).toMatchObject({ status: 'cancelled' });
    expect(again.body).toEqual(first.body);
    await open.orders.relays.flush();
    expect(open.events.filter((e) => e.type === 'order.cancelled').map((e) => e.data)).toEqual([
      expect.objectContaining({ orderId: id, cancelledBy: 'customer' }),
    ]);
  });

  it('answers 404 for someone else’s order and 409 once the order is decided', async () => {
    const id = await place(open);
    await expect(
      call(open.sut, 'cancelOrder', { caller: stranger, params: { orderId: id } }),
    ).rejects.toMatchObject({ kind: 'not_found' });
    await open.db.updateTable('orders_order').set({ status: 'confirmed' }).where('id', '=', id).execute();
    await expect(
      call(open.sut, 'cancelOrder', { caller: buyer, params: { orderId: id } }),
    ).rejects.toMatchObject({
      kind: 'conflict',
      code: 'ORDER_NOT_CANCELLABLE',
    });
  });
});
