// Product listing against any SQL store: paging, filters, search and cursors.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../index.js';
import {
  allPages,
  call,
  listBody,
  type OpenCatalog,
  openCatalog,
  type StoreFactory,
} from './catalog.fixture.js';

export function productListingSuite(factory: StoreFactory): void {
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
