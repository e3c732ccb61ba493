// Seeding against any SQL store: counts, idempotency, reset, progress, the same rows on every run, facets.
import { describe, expect, it } from 'vitest';
import type { Product, Restaurant } from '../index.js';
import { allPages, call, openCatalog, type StoreFactory } from './catalog.fixture.js';

export function seedSuite(factory: StoreFactory): void {
  describe('seeding', () => {
    it('seeds once, skips a non-empty catalog, and starts over on reset', async () => {
      const t = await openCatalog(factory);
      try {
        const progress: [number, number][] = [];
        const first = await t.catalog.seed({ onProgress: (done, total) => progress.push([done, total]) });
        expect(first).toEqual({ seeded: true, products: 60, restaurants: 600 });
        expect(progress.at(-1)).toEqual([660, 660]);
        expect(progress.map(([done]) => done)).toEqual(
          [...progress.map(([done]) => done)].sort((a, b) => a - b),
        );
        expect(await t.catalog.seed()).toEqual({ seeded: false, products: 0, restaurants: 0 });
        expect(await t.catalog.seed({ products: 50, restaurants: 500, reset: true })).toEqual({
          seeded: true,
          products: 50,
          restaurants: 500,
        });
        expect((await allPages(t.sut, 'listProducts', { limit: 100 })).items).toHaveLength(50);
        expect((await allPages(t.sut, 'listRestaurants', { limit: 100 })).items).toHaveLength(500);
      } finally {
        await t.close();
      }
    });

    it('writes the same rows, ids included, on every run', async () => {
      const dump = async () => {
        const t = await openCatalog(factory);
        try {
          await t.catalog.seed({ products: 60, restaurants: 120 });
          const products = (await allPages<Product>(t.sut, 'listProducts', { limit: 100 })).items;
          const restaurants = (await allPages<Restaurant>(t.sut, 'listRestaurants', { limit: 100 })).items;
          const facets = (await call(t.sut, 'getCatalogFacets')).body;
          return { products, restaurants, facets };
        } finally {
          await t.close();
        }
      };
      const [a, b] = [await dump(), await dump()];
      expect(a).toEqual(b);
      expect(a.facets).toMatchObject({
        tags: expect.arrayContaining(['roses', 'red', 'sympathy', 'new-baby']),
      });
      const tags = (a.facets as { tags: string[] }).tags;
      expect(tags).toEqual([...new Set(a.products.flatMap((p) => p.tags))].sort());
    });
  });
}
