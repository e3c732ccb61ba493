// Generates demo restaurants: every cuisine in every area, with names, addresses, hours and ratings.
import { type Cuisine, cuisineImage, cuisines } from '../restaurants/cuisines.js';
import type { Restaurant } from '../restaurants/restaurant.types.js';
import { areaSpread, areas } from './area.data.js';
import { generateOpeningHours } from './opening-hours.generator.js';
import { createRng, type Rng } from './prng.js';
import { basePriceLevel, nameParts } from './restaurant.names.js';
import { seedId, seedInstant } from './seed-ids.js';

const round = (value: number, places: number) => Number(value.toFixed(places));

function uniqueName(cuisine: Cuisine, area: string, rng: Rng, taken: Set<string>): string {
  const [firsts, seconds] = nameParts[cuisine];
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = `${rng.pick(firsts)} ${rng.pick(seconds)}`;
    if (!taken.has(name)) return name;
  }
  const base = `${rng.pick(firsts)} ${rng.pick(seconds)}`;
  const title = area.replace(
    /(^|-)([a-z])/g,
    (_, dash: string, c: string) => `${dash ? ' ' : ''}${c.toUpperCase()}`,
  );
  let name = `${base} ${title}`;
  for (let n = 2; taken.has(name); n++) name = `${base} ${title} ${n}`;
  return name;
}

/**
 * The first `count` restaurants of an endless, reproducible sequence. Restaurant i has cuisine i mod 10 and
 * an area that cycles so that every 100 restaurants cover all cuisine × area pairs.
 */
export function generateRestaurants(count: number, seed = 2024): Restaurant[] {
  const rng = createRng(seed, 'restaurants');
  const taken = new Set<string>();
  const out: Restaurant[] = [];
  for (let i = 0; i < count; i++) {
    const cuisine = cuisines[i % cuisines.length] as Cuisine;
    const area = areas[(i + Math.floor(i / cuisines.length)) % areas.length]!;
    const name = uniqueName(cuisine, area.slug, rng, taken);
    taken.add(name);
    const at = seedInstant(i);
    const priceLevel = Math.min(4, Math.max(1, basePriceLevel[cuisine] + rng.int(-1, 1)));
    out.push({
      id: seedId('rst', at, rng),
      name,
      cuisine,
      area: area.slug,
      address: {
        street: `${rng.int(1, 480)} ${rng.pick(area.streets)}`,
        city: area.city,
        state: 'NY',
        postalCode: rng.pick(area.zips),
      },
      location: {
        lat: round(area.lat + (rng.next() * 2 - 1) * areaSpread, 6),
        lng: round(area.lng + (rng.next() * 2 - 1) * areaSpread, 6),
      },
      priceLevel,
      // Skewed towards the 4s, as ratings on review sites are.
      rating: round(2.8 + 2.1 * Math.sqrt(rng.next()), 1),
      reviewCount: Math.round(5 + 2995 * rng.next() ** 3),
      phone: `+1 ${rng.pick(area.areaCodes)}-555-${String(rng.int(0, 9999)).padStart(4, '0')}`,
      maxPartySize: rng.int(6, 20),
      openingHours: generateOpeningHours(cuisine, rng),
      imageUrl: cuisineImage(cuisine),
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    });
  }
  return out;
}
