// Product suggestions by kind, occasion, colour and budget, in stock only, ranked by how many wishes they meet.
import type { GiftSlots } from '../dialog/dialog.types.js';
import { createRng } from '../nlu/training/seeded.js';
import type { CatalogClient } from './catalog-client.js';
import type { ProductInfo } from './recommend.types.js';

export const productCount = 3;

function fit(product: ProductInfo, gift: GiftSlots): number {
  const wishes = [gift.kind, gift.occasion, gift.colour].filter((w): w is string => w !== undefined);
  return wishes.filter((w) => product.tags.includes(w)).length;
}

/** Best fit first; within equal fit a seeded order, so repeated asks see different products. */
function rank(products: ProductInfo[], gift: GiftSlots, seed: number): ProductInfo[] {
  const rng = createRng(seed);
  const keyed = products.map((p) => ({ p, fit: fit(p, gift), draw: rng.next() }));
  return keyed.sort((a, b) => b.fit - a.fit || a.draw - b.draw).map((k) => k.p);
}

/** The most specific wish narrows the catalog query; when nothing fits the budget, a broader wish is tried. */
export async function suggestProducts(
  catalog: CatalogClient,
  gift: GiftSlots,
  seed: number,
  exclude: string[],
): Promise<ProductInfo[]> {
  const tags = [gift.kind, gift.occasion, gift.colour].filter((t): t is string => t !== undefined);
  for (const tag of [...tags, undefined]) {
    const found = await catalog.listProducts({ tag, maxPrice: gift.maxPrice, inStock: true, limit: 100 });
    const fresh = found.filter((p) => !exclude.includes(p.id));
    const candidates = fresh.length > 0 ? fresh : found;
    if (candidates.length > 0) return rank(candidates, gift, seed).slice(0, productCount);
  }
  return [];
}

/** A product by (part of) its name, in stock first. */
export async function findProductNamed(
  catalog: CatalogClient,
  name: string,
): Promise<ProductInfo | undefined> {
  const found = await catalog.listProducts({ q: name, limit: 5 });
  return found.find((p) => p.stock > 0) ?? found[0];
}
