// Restaurant suggestions: catalog search by cuisine, area, opening time and party size, relaxed until some match.
import type { CatalogClient, RestaurantQuery } from './catalog-client.js';
import type { DiningSearch, MatchQuality, RestaurantPick } from './recommend.types.js';
import { pickVaried } from './vary.js';

const matchBonus: Record<MatchQuality, number> = { exact: 2, 'other-time': 1, 'other-area': 0 };

export const suggestionCount = 3;

/** Tries the full search first, then without the opening time, then in any area. */
export async function suggestRestaurants(
  catalog: CatalogClient,
  search: DiningSearch,
  seed: number,
  exclude: string[] = [],
): Promise<RestaurantPick[]> {
  const base: RestaurantQuery = { cuisine: search.cuisine, partySize: search.partySize, limit: 20 };
  const attempts: [MatchQuality, RestaurantQuery][] = [
    ['exact', { ...base, area: search.area, openAt: `${search.date}T${search.time}` }],
    ['other-time', { ...base, area: search.area }],
    ['other-area', { ...base, openAt: `${search.date}T${search.time}` }],
  ];
  const picks: RestaurantPick[] = [];
  const seen = new Set<string>(exclude);
  for (const [match, query] of attempts) {
    for (const restaurant of await catalog.listRestaurants(query)) {
      if (!seen.has(restaurant.id)) picks.push({ restaurant, match });
      seen.add(restaurant.id);
    }
    if (picks.length >= suggestionCount) break;
  }
  const ranked = picks.sort(
    (a, b) => b.restaurant.rating + matchBonus[b.match] - (a.restaurant.rating + matchBonus[a.match]),
  );
  // Every place that matches the whole search comes before one that does not (open at the hour asked, in the
  // area asked); the draw varies which places only within one kind of match. Shown best first: the draw's order
  // is not a ranking.
  const chosen: RestaurantPick[] = [];
  for (const match of matchOrder) {
    const tier = ranked.filter((p) => p.match === match);
    chosen.push(...pickVaried(tier, suggestionCount - chosen.length, seed));
    if (chosen.length >= suggestionCount) break;
  }
  const rank = new Map(ranked.map((p, i) => [p, i]));
  return chosen.sort(
    (a, b) => matchOrder.indexOf(a.match) - matchOrder.indexOf(b.match) || rank.get(a)! - rank.get(b)!,
  );
}

const matchOrder: MatchQuality[] = ['exact', 'other-time', 'other-area'];
