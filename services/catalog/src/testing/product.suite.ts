// Product operations against any SQL store: CRUD, operator-only writes, filters, search and paging.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../index.js';
import {
  allPages,
  call,
  listBody,
  type OpenCatalog,
  openCatalog,
  operator,
  type StoreFactory,
  shopper,
} from './catalog.fixture.js';

const rose = {
  name: 'Test Roses',
  price: { amount: 4999, currency: 'USD' },
  tags: ['roses', 'red'],
  stock: 3,
};

export function productSuite(factory: StoreFactory): void {
  describe('product writes', () => {
    let t: OpenCatalog;
    beforeAll(async () => {
      t = await openCatalog(factory);
      return () => t.close();
    });

    it('creates a product with defaults and reads it back', async () => {
      const created = await call(t.sut, 'createProduct', {
        caller: operator,
        body: { name: 'Plain', price: rose.price },
      });
      expect(created.status).toBe(201);
      const product = created.body as Product;
      expect(product).toMatchObject({
        description: '',
        tags: [],
        stock: 0,
        imageUrl: '/images/products/placeholder.svg',
      });
      expect(product.id).toMatch(/^prd_[0-9a-f]{8}-[0-9a-f]{4}-7/);
      const read = await call(t.sut, 'getProduct', { params: { productId: product.id } });
      expect(read).toEqual({ status: 200, body: product });
    });

    it('updates only the fields given and stamps updatedAt', async () => {
      const { body } = await call(t.sut, 'createProduct', { caller: operator, body: rose });
      const before = body as Product;
      t.tick();
      const params = { productId: before.id };
      const patch = { price: { amount: 5999 }, stock: 0 };
      const after = (await call(t.sut, 'updateProduct', { caller: operator, params, body: patch }))
        .body as Product;
      expect(after).toEqual({
        ...before,
        price: { amount: 5999, currency: 'USD' },
        stock: 0,
        updatedAt: after.updatedAt,
      });
      expect(after.updatedAt > before.updatedAt).toBe(true);
      expect((await call(t.sut, 'getProduct', { params })).body).toEqual(after);
    });

    it('deletes with 204, then the product is gone', async () => {
      const id = ((await call(t.sut, 'createProduct', { caller: operator, body: rose })).body as Product).id;
      const params = { productId: id };
      expect(await call(t.sut, 'deleteProduct', { caller: operator, params })).toEqual({ status: 204 });
      await expect(call(t.sut, 'getProduct', { params })).rejects.toMatchObject({ kind: 'not_found' });
      await expect(call(t.sut, 'deleteProduct', { caller: operator, params })).rejects.toMatchObject({
        kind: 'not_found',
      });
      const update = call(t.sut, 'updateProduct', { caller: operator, params, body: { stock: 1 } });
      await expect(update).rejects.toMatchObject({ kind: 'not_found' });
    });

    it.each([
      ['createProduct', {}],
      ['updateProduct', { productId: 'prd_x' }],
      ['deleteProduct', { productId: 'prd_x' }],
    ])('%s is for operators only', async (operationId, params) => {
      await expect(call(t.sut, operationId, { params, body: rose })).rejects.toMatchObject({
        kind: 'unauthenticated',
      });
      const asShopper = call(t.sut, operationId, { caller: shopper, params, body: rose });
      await expect(asShopper).rejects.toMatchObject({ kind: 'forbidden' });
    });

    it.each([
      [{ ...rose, price: { amount: 100, currency: 'usd' } }, 'body.price.currency'],
      [{ ...rose, stock: -1 }, 'body.stock'],
      [{ ...rose, tags: ['Not A Slug'] }, 'body.tags.0'],
      [{ ...rose, name: '  ' }, 'body.name'],
      [{ ...rose, colour: 'red' }, 'body'],
    ])('rejects an invalid product %#', async (body, field) => {
      const answer = call(t.sut, 'createProduct', { caller: operator, body });
      await expect(answer).rejects.toMatchObject({
        kind: 'invalid',
        details: [expect.objectContaining({ field })],
      });
    });

    it('answers not_found for an unknown id', async () => {
      const read = call(t.sut, 'getProduct', { params: { productId: 'prd_nope' } });
      await expect(read).rejects.toMatchObject({ kind: 'not_found' });
    });

    it('takes %, _ and the escape character in q literally and binds hostile text', async () => {
      for (const name of [
        '100% Silk Ribbon',
        '1000 Petals',
        'Gift_Box',
        'GiftXBox',
        'Wow! Tulips',
        'Wow Tulips',
      ]) {
        await call(t.sut, 'createProduct', { caller: operator, body: { ...rose, name } });
      }
      const names = async (q: string) =>
        (await listBody<Product>(t.sut, 'listProducts', { q })).items.map((p) => p.name).sort();
      expect(await names('100%')).toEqual(['100% Silk Ribbon']);
      expect(await names('t_b')).toEqual(['Gift_Box']);
      expect(await names('w!')).toEqual(['Wow! Tulips']);
      expect(await names("' OR 1=1 --")).toEqual([]);
      expect(await names("x'); DROP TABLE catalog_product; --")).toEqual([]);
      expect((await names('tulips')).length).toBe(2);
    });
  });

  describe('product listing', () => {
    let t: OpenCatalog;
    let everything: Product[];
    beforeAll(async () => {
      t = await openCatalog(factory);
      await t.catalog.seed({ products: 60, restaurants: 0 });
      everything = (await listBody<Product>(t.sut, 'listProducts', { limit: 100 })).items;
      return () => t.close();
    });

    it('pages through every product by name with no duplicates or gaps', async () => {
      const { items, pages } = await allPages<Product>(t.sut, 'listProducts', { limit: 7 });
      expect(everything).toHaveLength(60);
      expect(pages).toBe(9);
      expect(items.map((p) => p.id)).toEqual(everything.map((p) => p.id));
      expect(new Set(items.map((p) => p.id)).size).toBe(60);
    });

    it('searches name, description and tags case-insensitively, paging in id order', async () => {
      const wanted = everything.filter((p) =>
        [p.name, p.description, ...p.tags].some((s) => s.toLowerCase().includes('rose')),
      );
      const { items } = await allPages<Product>(t.sut, 'listProducts', { q: 'ROSE', limit: 3 });
      expect(items.map((p) => p.id)).toEqual(wanted.map((p) => p.id).sort());
    });

    it.each([
      [{ tag: 'red' }, (p: Product) => p.tags.includes('red')],
      [{ minPrice: 5000 }, (p: Product) => p.price.amount >= 5000],
      [{ maxPrice: '4000' }, (p: Product) => p.price.amount <= 4000],
      [{ minPrice: 3000, maxPrice: 3000 }, (p: Product) => p.price.amount === 3000],
      [{ inStock: true }, (p: Product) => p.stock > 0],
      [{ inStock: 'false' }, (p: Product) => p.stock === 0],
      [
        { tag: 'sympathy', inStock: true, maxPrice: 10000 },
        (p: Product) => p.tags.includes('sympathy') && p.stock > 0 && p.price.amount <= 10000,
      ],
    ])('filters by %o', async (query, keep) => {
      const { items } = await allPages<Product>(t.sut, 'listProducts', { ...query, limit: 5 });
      const wanted = everything.filter(keep);
      expect(wanted.length).toBeGreaterThan(0);
      expect(items.map((p) => p.id)).toEqual(wanted.map((p) => p.id));
    });

    it.each([
      [{ minPrice: 5000, maxPrice: 4000 }, 'query.minPrice'],
      [{ limit: 0 }, 'query.limit'],
      [{ limit: 101 }, 'query.limit'],
      [{ limit: 'ten' }, 'query.limit'],
      [{ inStock: 'maybe' }, 'query.inStock'],
    ])('rejects %o', async (query, field) => {
      const answer = call(t.sut, 'listProducts', { query });
      await expect(answer).rejects.toMatchObject({
        kind: 'invalid',
        details: [expect.objectContaining({ field })],
      });
    });

    it('rejects garbage, tampered and foreign cursors with INVALID_CURSOR', async () => {
      const first = await listBody<Product>(t.sut, 'listProducts', { limit: 2 });
      const cursor = first.nextCursor!;
      const tampered = `${cursor.slice(0, 3)}${cursor[3] === 'A' ? 'B' : 'A'}${cursor.slice(4)}`;
      const restaurants = await listBody(t.sut, 'listRestaurants', { limit: 1 });
      const foreign = [
        { cursor: tampered },
        { cursor: 'garbage' },
        { cursor: `${cursor}.x` },
        { q: 'rose', cursor },
      ];
      if (restaurants.nextCursor) foreign.push({ cursor: restaurants.nextCursor });
      for (const query of [...foreign, { cursor: '%%%' }]) {
        await expect(call(t.sut, 'listProducts', { query })).rejects.toMatchObject({
          kind: 'invalid',
          code: 'INVALID_CURSOR',
          details: [{ field: 'query.cursor', message: expect.any(String) }],
        });
      }
    });
  });
}
