// Restaurant suggestions: the requested cuisine, open then, big enough; stable per seed, varied across seeds.
import { createCatalogService } from '@concierge/catalog';
import { createSqliteStore } from '@concierge/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CatalogClient, inProcessCatalogClient } from './catalog-client.js';
import { suggestRestaurants } from './dining.recommender.js';
import type { DiningSearch } from './recommend.types.js';

const store = createSqliteStore({ file: ':memory:' });
let catalog: CatalogClient;
beforeAll(async () => {
  const service = createCatalogService({ store });
  await store.migrate(service.migrations);
  await service.seed({ products: 0, restaurants: 300 });
  catalog = inProcessCatalogClient(service.module);
});
afterAll(() => store.close());

const search: DiningSearch = {
  cuisine: 'italian',
  area: 'chelsea',
  date: '2026-03-11',
  time: '20:00',
  partySize: 4,
  email: 'a@b.com',
  timeZone: 'America/New_York',
};

describe('suggestRestaurants', () => {
  it('suggests three of the cuisine asked for that seat the party', async () => {
    const sut = await suggestRestaurants(catalog, search, 1);
    expect(sut).toHaveLength(3);
    for (const pick of sut) {
      expect(pick.restaurant.cuisine).toBe('italian');
      expect(pick.restaurant.maxPartySize).toBeGreaterThanOrEqual(4);
    }
  });

  it('is stable for a seed and varies across seeds', async () => {
    const ids = async (seed: number) =>
      (await suggestRestaurants(catalog, search, seed)).map((p) => p.restaurant.id);
    expect(await ids(7)).toEqual(await ids(7));
    const answers = new Set(await Promise.all([1, 2, 3, 4, 5, 6].map(async (s) => (await ids(s)).join())));
    expect(answers.size).toBeGreaterThan(1);
  });

  it('relaxes the area before giving up', async () => {
    const sut = await suggestRestaurants(catalog, { ...search, area: 'nowhere-at-all' }, 1);
    expect(sut.length).toBeGreaterThan(0);
    expect(sut.every((p) => p.match === 'other-area')).toBe(true);
  });
});
