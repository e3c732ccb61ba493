// The demo data: reproducible, prefix-stable and as varied as the concierge needs.
import { describe, expect, it } from 'vitest';
import { areaSpread, areas } from './area.data.js';
import { generateProducts, maxSeedProducts, productSlug } from './product.generator.js';
import { generateRestaurants } from './restaurant.generator.js';

describe('demo products', () => {
  const sut = generateProducts(60);

  it('are the same on every run, ids included', () => {
    expect(generateProducts(60)).toEqual(sut);
    expect(generateProducts(40)).toEqual(sut.slice(0, 40));
  });

  it('span the florist range: budgets, occasions, colours and a few sold out', () => {
    expect(sut.length).toBeGreaterThanOrEqual(50);
    expect(new Set(sut.map((p) => p.name)).size).toBe(sut.length);
    const prices = sut.map((p) => p.price.amount);
    expect(Math.min(...prices)).toBeLessThanOrEqual(2500);
    expect(Math.max(...prices)).toBeGreaterThanOrEqual(20000);
    const tags = new Set(sut.flatMap((p) => p.tags));
    for (const tag of [
      'birthday',
      'anniversary',
      'sympathy',
      'get-well',
      'thank-you',
      'mothers-day',
      'valentines',
    ])
      expect(tags).toContain(tag);
    for (const tag of ['congratulations', 'new-baby', 'red', 'pink', 'white', 'yellow', 'purple', 'mixed'])
      expect(tags).toContain(tag);
    expect(sut.filter((p) => p.stock === 0).length).toBeGreaterThanOrEqual(3);
    expect(sut.every((p) => p.stock >= 0 && p.stock <= 200)).toBe(true);
    expect(sut.every((p) => p.imageUrl === `/images/products/${productSlug(p.name)}.svg`)).toBe(true);
  });

  it('refuses more products than there are designs', () => {
    expect(() => generateProducts(maxSeedProducts + 1)).toThrow(expect.objectContaining({ kind: 'invalid' }));
  });
});

describe('demo restaurants', () => {
  const sut = generateRestaurants(600);

  it('are the same on every run, ids included', () => {
    expect(generateRestaurants(600)).toEqual(sut);
    expect(generateRestaurants(100)).toEqual(sut.slice(0, 100));
  });

  it('cover exactly 10 cuisines and 10 areas, every pair, with unique names', () => {
    expect(sut.length).toBeGreaterThanOrEqual(500);
    expect(new Set(sut.map((r) => r.cuisine)).size).toBe(10);
    expect(new Set(sut.map((r) => r.area)).size).toBe(10);
    expect(new Set(sut.map((r) => `${r.cuisine}/${r.area}`)).size).toBe(100);
    expect(new Set(sut.map((r) => r.name)).size).toBe(600);
  });

  it('sit inside their area, with plausible ratings, prices and party sizes', () => {
    for (const r of sut) {
      const area = areas.find((a) => a.slug === r.area)!;
      expect(Math.abs(r.location.lat - area.lat)).toBeLessThanOrEqual(areaSpread + 1e-6);
      expect(Math.abs(r.location.lng - area.lng)).toBeLessThanOrEqual(areaSpread + 1e-6);
      expect(area.zips).toContain(r.address.postalCode);
      expect(r.rating).toBeGreaterThanOrEqual(2.8);
      expect(r.rating).toBeLessThanOrEqual(4.9);
      expect(r.priceLevel).toBeGreaterThanOrEqual(1);
      expect(r.priceLevel).toBeLessThanOrEqual(4);
      expect(r.maxPartySize).toBeGreaterThanOrEqual(6);
      expect(r.maxPartySize).toBeLessThanOrEqual(20);
    }
  });

  it('include closed days and nights past midnight', () => {
    expect(sut.filter((r) => new Set(r.openingHours.map((h) => h.day)).size < 7).length).toBeGreaterThan(50);
    expect(sut.filter((r) => r.openingHours.some((h) => h.close < h.open)).length).toBeGreaterThan(50);
  });
});
