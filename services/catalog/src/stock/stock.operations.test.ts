// Reserving and releasing stock per order: idempotent, guarded against going below zero.
import { createSqliteStore } from '@concierge/platform';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, type OpenCatalog, openCatalog, operator } from '../testing/catalog.fixture.js';

let open: OpenCatalog;
let productId: string;

const stockOf = async () =>
  ((await call(open.sut, 'getProduct', { params: { productId } })).body as { stock: number }).stock;
const reserve = (orderId: string, quantity: number) =>
  call(open.sut, 'reserveStock', { body: { orderId, productId, quantity } });
const release = (orderId: string) => call(open.sut, 'releaseStock', { body: { orderId } });

beforeEach(async () => {
  open = await openCatalog(async () => {
    const store = createSqliteStore({ file: ':memory:' });
    return { store, close: () => store.close() };
  });
  const body = { name: 'Roses', price: { amount: 1000, currency: 'USD' }, stock: 5 };
  productId = ((await call(open.sut, 'createProduct', { caller: operator, body })).body as { id: string }).id;
});

afterEach(() => open.close());

describe('reserveStock / releaseStock', () => {
  it('takes stock once per order, however often it is asked', async () => {
    const first = await reserve('ord_1', 2);
    const again = await reserve('ord_1', 2);
    expect(first.body).toEqual({ orderId: 'ord_1', productId, quantity: 2, status: 'reserved' });
    expect(again.body).toEqual(first.body);
    expect(await stockOf()).toBe(3);
  });

  it('refuses to go below zero and leaves no reservation behind', async () => {
    await reserve('ord_1', 4);
    await expect(reserve('ord_2', 2)).rejects.toMatchObject({ kind: 'conflict', code: 'OUT_OF_STOCK' });
    expect(await stockOf()).toBe(1);
    expect((await release('ord_2')).body).toBeNull();
  });

  it('answers not_found for an unknown product', async () => {
    const body = { orderId: 'ord_1', productId: 'prd_nope', quantity: 1 };
    await expect(call(open.sut, 'reserveStock', { body })).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('gives stock back exactly once and refuses to reserve a released order again', async () => {
    await reserve('ord_1', 2);
    expect((await release('ord_1')).body).toMatchObject({ status: 'released' });
    await release('ord_1');
    expect(await stockOf()).toBe(5);
    await expect(reserve('ord_1', 2)).rejects.toMatchObject({ code: 'RESERVATION_RELEASED' });
  });

  it('rejects bad input as invalid', async () => {
    await expect(reserve('ord_1', 0)).rejects.toMatchObject({ kind: 'invalid' });
    await expect(call(open.sut, 'releaseStock', { body: {} })).rejects.toMatchObject({ kind: 'invalid' });
  });
});
