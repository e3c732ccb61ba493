// Product suggestions by kind, occasion, colour and budget, in stock only, ranked by how many wishes they meet.
import type { GiftSlots } from '../dialog/dialog.types.js';
import type { CatalogClient } from './catalog-client.js';
import type { ProductInfo } from './recommend.types.js';
import { pickVaried } from './vary.js';

export const productCount = 3;

function fit(product: ProductInfo, gift: GiftSlots): number {
  const wishes = [gift.kind, gift.occasion, gift.colour].filter((w): w is string => w !== undefined);
  return wishes.filter((w) => product.tags.includes(w)).length;
}

/** The most specific wish narrows the catalog query; the others rank what comes back. */
export async function suggestProducts(
  catalog: CatalogClient,
  gift: GiftSlots,
  seed: number,
  exclude: string[],
): Promise<ProductInfo[]> {
  const tag = gift.kind ?? gift.occasion ?? gift.colour;
  const found = await catalog.listProducts({ tag, maxPrice: gift.maxPrice, inStock: true, limit: 100 });
  const fresh = found.filter((p) => !exclude.includes(p.id));
  const candidates = fresh.length > 0 ? fresh : found;
  const ranked = candidates.sort((a, b) => fit(b, gift) - fit(a, gift) || a.price.amount - b.price.amount);
  return pickVaried(ranked, productCount, seed);
}

/** A product by (part of) its name, in stock first. */
export async function findProductNamed(catalog: CatalogClient, name: string): Promise<ProductInfo | undefined> {
  const found = await catalog.listProducts({ q: name, limit: 5 });
  return found.find((p) => p.stock > 0) ?? found[0];
}
