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
  // The demo's catalog: about 6 places of each cuisine in each area.
  await service.seed({ products: 0, restaurants: 600 });
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

  it('is stable for a seed and, when more than three fit, suggests other places across seeds', async () => {
    // About 6 Italian places per area; in any area there are many more.
    const anywhere = { ...search, area: 'nowhere-at-all' };
    const ids = async (seed: number) =>
      (await suggestRestaurants(catalog, anywhere, seed)).map((p) => p.restaurant.id).sort();
    expect(await ids(7)).toEqual(await ids(7));
    const answers = new Set(await Promise.all([1, 2, 3, 4, 5, 6].map(async (s) => (await ids(s)).join())));
    expect(answers.size).toBeGreaterThan(1);
  });

  it('shows the picks best first, whichever were drawn: whole matches first, then by rating', async () => {
    const order = ['exact', 'other-time', 'other-area'];
    for (const area of ['chelsea', 'nowhere-at-all'])
      for (let seed = 1; seed <= 20; seed += 1) {
        const picks = await suggestRestaurants(catalog, { ...search, area }, seed);
        expect(picks).toHaveLength(3);
        const scores = picks.map((p) => order.indexOf(p.match) * -10 + p.restaurant.rating);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
      }
  });

  it('suggests every place open at the hour asked before any that is not, whatever the draw', async () => {
    // Lunch on a Tuesday and mid-afternoon: in several areas fewer than three Italian places are open then, so
    // the rest are places open at other times, which must never push an open one out.
    let fewOpen = 0;
    for (const area of ['tribeca', 'chelsea', 'soho', 'harlem', 'midtown', 'williamsburg'])
      for (const time of ['12:00', '13:00', '15:00', '17:30']) {
        const at = { ...search, area, date: '2026-12-01', time, partySize: 2 };
        const open = await catalog.listRestaurants({
          cuisine: at.cuisine,
          area,
          partySize: 2,
          openAt: `${at.date}T${time}`,
          limit: 20,
        });
        if (open.length > 0 && open.length < 3) fewOpen += 1;
        for (let seed = 1; seed <= 12; seed += 1) {
          const picks = await suggestRestaurants(catalog, at, seed);
          const exact = picks.filter((p) => p.match === 'exact');
          expect(exact).toHaveLength(Math.min(3, open.length));
          if (open.length <= 3)
            expect(exact.map((p) => p.restaurant.id).sort()).toEqual(open.map((r) => r.id).sort());
          expect(picks.slice(0, exact.length)).toEqual(exact);
        }
      }
    expect(fewOpen).toBeGreaterThan(0);
  });

  it('relaxes the area before giving up', async () => {
    const sut = await suggestRestaurants(catalog, { ...search, area: 'nowhere-at-all' }, 1);
    expect(sut.length).toBeGreaterThan(0);
    expect(sut.every((p) => p.match === 'other-area')).toBe(true);
  });
});
