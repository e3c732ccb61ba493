// The product cache: reads are reused, and never outlive a change made by this process.
import { createSqliteStore } from '@concierge/platform';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, type OpenCatalog, openCatalog, operator } from '../testing/catalog.fixture.js';
import { ProductCache } from './product.cache.js';
import type { Product } from './product.types.js';

const product = (stock: number): Product => ({
  id: 'prd_1',
  name: 'Roses',
  description: '',
  price: { amount: 1000, currency: 'USD' },
  imageUrl: '/x.svg',
  tags: ['red'],
  stock,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('ProductCache', () => {
  it('reuses a read until the product is forgotten', async () => {
    const cache = new ProductCache({ ttlMs: 60_000 });
    let loads = 0;
    const load = async () => product(++loads);
    expect((await cache.read('prd_1', load))?.stock).toBe(1);
    expect((await cache.read('prd_1', load))?.stock).toBe(1);
    cache.forget('prd_1');
    expect((await cache.read('prd_1', load))?.stock).toBe(2);
  });

  it('does not keep what a read found if the product changed while it was reading', async () => {
    const cache = new ProductCache({ ttlMs: 60_000 });
    let release!: () => void;
    const slow = cache.read('prd_1', () => new Promise<Product>((r) => (release = () => r(product(5)))));
    cache.forget('prd_1'); // a reservation committed meanwhile
    release();
    expect((await slow)?.stock).toBe(5);
    expect((await cache.read('prd_1', async () => product(4)))?.stock).toBe(4);
  });

  it('reads every time when turned off, and hands out products nobody can change in place', async () => {
    const off = new ProductCache({ ttlMs: 0 });
    let loads = 0;
    await off.read('prd_1', async () => product(++loads));
    await off.read('prd_1', async () => product(++loads));
    expect(loads).toBe(2);
    const on = new ProductCache({ ttlMs: 60_000 });
    const cached = (await on.read('prd_1', async () => product(3)))!;
    expect(() => {
      (cached as { stock: number }).stock = 99;
    }).toThrow(TypeError);
    expect(() => cached.tags.push('blue')).toThrow(TypeError);
  });
});

describe('catalog reads through the cache', () => {
  let open: OpenCatalog;
  let productId: string;
  const get = () => call(open.sut, 'getProduct', { params: { productId } });
  const stockOf = async () => ((await get()).body as { stock: number }).stock;

  beforeEach(async () => {
    open = await openCatalog(async () => {
      const store = createSqliteStore({ file: ':memory:' });
      return { store, close: () => store.close() };
    });
    const body = { name: 'Roses', price: { amount: 1000, currency: 'USD' }, stock: 5 };
    productId = ((await call(open.sut, 'createProduct', { caller: operator, body })).body as { id: string })
      .id;
  });
  afterEach(() => open.close());

  it('shows a stock reservation and its release at once', async () => {
    expect(await stockOf()).toBe(5);
    await call(open.sut, 'reserveStock', { body: { orderId: 'ord_1', productId, quantity: 2 } });
    expect(await stockOf()).toBe(3);
    await call(open.sut, 'releaseStock', { body: { orderId: 'ord_1' } });
    expect(await stockOf()).toBe(5);
  });

  it('shows an operator edit at once, and a deleted product is gone', async () => {
    expect(((await get()).body as { name: string }).name).toBe('Roses');
    await call(open.sut, 'updateProduct', {
      caller: operator,
      params: { productId },
      body: { name: 'Tulips' },
    });
    expect(((await get()).body as { name: string }).name).toBe('Tulips');
    await call(open.sut, 'deleteProduct', { caller: operator, params: { productId } });
    await expect(get()).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('keeps an edit from writing back a stock level older than the database', async () => {
    expect(await stockOf()).toBe(5); // cached at 5
    await open.store.db
      .updateTable('catalog_product')
      .set({ stock: 1 })
      .where('id', '=', productId)
      .execute();
    await call(open.sut, 'updateProduct', {
      caller: operator,
      params: { productId },
      body: { name: 'Tulips' },
    });
    const row = await open.store.db
      .selectFrom('catalog_product')
      .select(['stock', 'name'])
      .where('id', '=', productId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ stock: 1, name: 'Tulips' });
  });
});
