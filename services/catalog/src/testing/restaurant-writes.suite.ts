// Restaurant writes against any SQL store: CRUD, operator-only access, validation and opening hours.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Restaurant } from '../index.js';
import {
  call,
  listBody,
  type OpenCatalog,
  openCatalog,
  operator,
  type StoreFactory,
  shopper,
} from './catalog.fixture.js';

const place = {
  name: 'Trattoria Prova',
  cuisine: 'italian',
  area: 'chelsea',
  address: { street: '1 W 23rd St', city: 'New York', state: 'NY', postalCode: '10011' },
  location: { lat: 40.7465, lng: -74.0014 },
  priceLevel: 2,
};

export function restaurantWritesSuite(factory: StoreFactory): void {
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
}
