// Product writes against any SQL store: CRUD, operator-only access, validation.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../index.js';
import {
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

export function productWritesSuite(factory: StoreFactory): void {
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
}
