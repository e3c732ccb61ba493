// Restaurant listing against any SQL store: paging, filters, search, "open at", cursors and facets.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Restaurant } from '../index.js';
import {
  allPages,
  call,
  listBody,
  type OpenCatalog,
  openCatalog,
  type StoreFactory,
} from './catalog.fixture.js';

export function restaurantListingSuite(factory: StoreFactory): void {
  describe('restaurant listing', () => {
    let t: OpenCatalog;
    let everything: Restaurant[];
    beforeAll(async () => {
      t = await openCatalog(factory);
      await t.catalog.seed({ products: 0, restaurants: 600 });
      everything = (await allPages<Restaurant>(t.sut, 'listRestaurants', { limit: 100 })).items;
      return () => t.close();
    });

    it('pages through every restaurant, best rated first, with no duplicates or gaps', async () => {
      const { items, pages } = await allPages<Restaurant>(t.sut, 'listRestaurants', { limit: 37 });
      expect(pages).toBe(17);
      expect(items.map((r) => r.id)).toEqual(everything.map((r) => r.id));
      expect(new Set(items.map((r) => r.id)).size).toBe(600);
      const ratings = items.map((r) => r.rating);
      expect(ratings).toEqual([...ratings].sort((a, b) => b - a));
    });

    it.each([
      [{ cuisine: 'italian' }, (r: Restaurant) => r.cuisine === 'italian'],
      [{ area: 'Upper East Side' }, (r: Restaurant) => r.area === 'upper-east-side'],
      [{ priceLevel: '4' }, (r: Restaurant) => r.priceLevel === 4],
      [{ minRating: 4.5 }, (r: Restaurant) => r.rating >= 4.5],
      [{ partySize: 18 }, (r: Restaurant) => r.maxPartySize >= 18],
      [
        { cuisine: 'korean', area: 'astoria', minRating: '3.5' },
        (r: Restaurant) => r.cuisine === 'korean' && r.area === 'astoria' && r.rating >= 3.5,
      ],
    ])('filters by %o', async (query, keep) => {
      const { items } = await allPages<Restaurant>(t.sut, 'listRestaurants', { ...query, limit: 9 });
      const wanted = everything.filter(keep);
      expect(wanted.length).toBeGreaterThan(0);
      expect(items.map((r) => r.id)).toEqual(wanted.map((r) => r.id));
    });

    it('searches name, cuisine and area case-insensitively, paging in id order', async () => {
      const hit = (r: Restaurant) => [r.name, r.cuisine, r.area].some((s) => s.toLowerCase().includes('ha'));
      const { items } = await allPages<Restaurant>(t.sut, 'listRestaurants', { q: 'HA', limit: 25 });
      expect(items.map((r) => r.id)).toEqual(
        everything
          .filter(hit)
          .map((r) => r.id)
          .sort(),
      );
    });

    it('finds late-night places open on a Saturday at 01:30', async () => {
      const { items } = await allPages<Restaurant>(t.sut, 'listRestaurants', {
        openAt: '2026-03-07T01:30',
        limit: 50,
      });
      expect(items.length).toBeGreaterThan(0);
      for (const r of items)
        expect(r.openingHours.some((h) => h.day === 5 && h.close <= h.open && h.close > '01:30')).toBe(true);
    });

    it.each([
      [{ openAt: '2026-02-30T10:00' }, 'query.openAt'],
      [{ openAt: '2026-03-07 10:00' }, 'query.openAt'],
      [{ partySize: 21 }, 'query.partySize'],
      [{ priceLevel: 0 }, 'query.priceLevel'],
      [{ minRating: 6 }, 'query.minRating'],
    ])('rejects %o', async (query, field) => {
      const answer = call(t.sut, 'listRestaurants', { query });
      await expect(answer).rejects.toMatchObject({
        kind: 'invalid',
        details: [expect.objectContaining({ field })],
      });
    });

    it('rejects a product cursor and a search cursor for browsing', async () => {
      const search = await listBody(t.sut, 'listRestaurants', { q: 'a', limit: 1 });
      for (const cursor of [search.nextCursor, 'eyJ4IjoxfQ.abc']) {
        const answer = call(t.sut, 'listRestaurants', { query: { cursor } });
        await expect(answer).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
      }
    });

    it('offers facets: distinct, sorted cuisines, areas and tags', async () => {
      const { body } = await call(t.sut, 'getCatalogFacets');
      const facets = body as { cuisines: string[]; areas: string[]; tags: string[] };
      expect(facets.cuisines).toEqual([...new Set(everything.map((r) => r.cuisine))].sort());
      expect(facets.cuisines).toHaveLength(10);
      expect(facets.areas).toHaveLength(10);
      expect(facets.areas).toContain('upper-east-side');
      expect(facets.tags).toEqual([]);
    });
  });
}
