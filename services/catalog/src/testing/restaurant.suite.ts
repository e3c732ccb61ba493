// Restaurant operations against any SQL store: CRUD, operator-only writes, filters, "open at" and paging.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Restaurant } from '../index.js';
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

export const place = {
  name: 'Trattoria Prova',
  cuisine: 'italian',
  area: 'chelsea',
  address: { street: '1 W 23rd St', city: 'New York', state: 'NY', postalCode: '10011' },
  location: { lat: 40.7465, lng: -74.0014 },
  priceLevel: 2,
};

export function restaurantSuite(factory: StoreFactory): void {
  describe('restaurant writes', () => {
    let t: OpenCatalog;
    beforeAll(async () => {
      t = await openCatalog(factory);
      return () => t.close();
    });
    const create = async (body: object) =>
      (await call(t.sut, 'createRestaurant', { caller: operator, body: { ...place, ...body } }))
        .body as Restaurant;
    const namesOpenAt = async (openAt: string) =>
      (await listBody<Restaurant>(t.sut, 'listRestaurants', { openAt, q: 'hours' })).items
        .map((r) => r.name)
        .sort();

    it('creates with defaults, reads, updates partially and deletes', async () => {
      const created = await call(t.sut, 'createRestaurant', { caller: operator, body: place });
      expect(created.status).toBe(201);
      const r = created.body as Restaurant;
      expect(r).toMatchObject({ ...place, rating: 0, reviewCount: 0, maxPartySize: 8, openingHours: [] });
      expect(r.imageUrl).toBe('/images/cuisines/italian.svg');
      expect(r.id).toMatch(/^rst_/);
      const params = { restaurantId: r.id };
      expect((await call(t.sut, 'getRestaurant', { params })).body).toEqual(r);
      t.tick();
      const body = { address: { street: '2 W 23rd St' }, rating: 4.4 };
      const updated = (await call(t.sut, 'updateRestaurant', { caller: operator, params, body }))
        .body as Restaurant;
      expect(updated.address).toEqual({ ...place.address, street: '2 W 23rd St' });
      expect(updated.rating).toBe(4.4);
      expect((await call(t.sut, 'getRestaurant', { params })).body).toEqual(updated);
      expect(await call(t.sut, 'deleteRestaurant', { caller: operator, params })).toEqual({ status: 204 });
      await expect(call(t.sut, 'getRestaurant', { params })).rejects.toMatchObject({ kind: 'not_found' });
      await expect(call(t.sut, 'deleteRestaurant', { caller: operator, params })).rejects.toMatchObject({
        kind: 'not_found',
      });
    });

    it.each([['createRestaurant'], ['updateRestaurant'], ['deleteRestaurant']])(
      '%s is for operators only',
      async (op) => {
        const params = { restaurantId: 'rst_x' };
        await expect(call(t.sut, op, { params, body: place })).rejects.toMatchObject({
          kind: 'unauthenticated',
        });
        await expect(call(t.sut, op, { caller: shopper, params, body: place })).rejects.toMatchObject({
          kind: 'forbidden',
        });
      },
    );

    it.each([
      [{ priceLevel: 5 }, 'body.priceLevel'],
      [{ rating: 5.1 }, 'body.rating'],
      [{ openingHours: [{ day: 7, open: '10:00', close: '12:00' }] }, 'body.openingHours.0.day'],
      [{ openingHours: [{ day: 1, open: '25:00', close: '12:00' }] }, 'body.openingHours.0.open'],
      [{ address: { ...place.address, postalCode: 'abc' } }, 'body.address.postalCode'],
    ])('rejects an invalid restaurant %#', async (body, field) => {
      const answer = call(t.sut, 'createRestaurant', { caller: operator, body: { ...place, ...body } });
      await expect(answer).rejects.toMatchObject({
        kind: 'invalid',
        details: [expect.objectContaining({ field })],
      });
    });

    it('finds places open at a local time, including hours past midnight', async () => {
      // 2026-03-06 is a Friday.
      await create({ name: 'Late Hours', openingHours: [{ day: 5, open: '18:00', close: '02:00' }] });
      await create({ name: 'Lunch Hours', openingHours: [{ day: 5, open: '11:00', close: '15:00' }] });
      await create({ name: 'Sunday Hours', openingHours: [{ day: 0, open: '09:00', close: '24:00' }] });
      await create({ name: 'Closed Hours', openingHours: [] });
      expect(await namesOpenAt('2026-03-06T12:00')).toEqual(['Lunch Hours']);
      expect(await namesOpenAt('2026-03-06T15:00')).toEqual([]);
      expect(await namesOpenAt('2026-03-06T23:59')).toEqual(['Late Hours']);
      expect(await namesOpenAt('2026-03-07T01:30')).toEqual(['Late Hours']);
      expect(await namesOpenAt('2026-03-07T02:00')).toEqual([]);
      expect(await namesOpenAt('2026-03-08T23:30')).toEqual(['Sunday Hours']);
      expect(await namesOpenAt('2026-03-09T00:00')).toEqual([]);
    });

    it('replaces the opening ranges when the hours change', async () => {
      const r = await create({
        name: 'Moving Hours',
        openingHours: [{ day: 2, open: '08:00', close: '10:00' }],
      });
      const body = { openingHours: [{ day: 3, open: '08:00', close: '10:00' }] };
      await call(t.sut, 'updateRestaurant', { caller: operator, params: { restaurantId: r.id }, body });
      expect(await namesOpenAt('2026-03-03T09:00')).toEqual([]);
      expect(await namesOpenAt('2026-03-04T09:00')).toEqual(['Moving Hours']);
    });
  });

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
