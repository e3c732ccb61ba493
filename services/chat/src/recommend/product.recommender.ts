// Product suggestions by kind, occasion, colour and budget, in stock only. The kind the user named is kept
// whenever the catalog has it; a colour or budget it cannot meet is relaxed, and the answer says so.

import { fold } from '../dialog/aliases.js';
import type { GiftSlots } from '../dialog/dialog.types.js';
import { createRng } from '../nlu/training/seeded.js';
import type { CatalogClient } from './catalog-client.js';
import type { NamedProducts, ProductInfo, ProductSuggestions } from './recommend.types.js';

export const productCount = 3;

/** Kinds that stand for several catalog tags: "flowers" are any cut flowers. */
export const kindFamilies: Record<string, string[]> = {
  flowers: ['bouquet', 'roses', 'tulips', 'lilies', 'orchids', 'sunflowers'],
};

function fit(product: ProductInfo, gift: GiftSlots): number {
  const wishes = [gift.kind, gift.occasion, gift.colour].filter((w): w is string => w !== undefined);
  const matched = wishes.filter((w) => product.tags.includes(w)).length;
  // "Around $70": within a quarter of it, before the far cheaper ones, at the same fit otherwise.
  const near =
    gift.around !== undefined && Math.abs(product.price.amount - gift.around) <= gift.around / 4 ? 0.5 : 0;
  return matched + near;
}

/** Best fit first; within equal fit a seeded order, so repeated asks see different products. */
function rank(products: ProductInfo[], gift: GiftSlots, seed: number): ProductInfo[] {
  const rng = createRng(seed);
  const keyed = products.map((p) => ({ p, fit: fit(p, gift), draw: rng.next() }));
  return keyed.sort((a, b) => b.fit - a.fit || a.draw - b.draw).map((k) => k.p);
}

const byPrice = (products: ProductInfo[]) => [...products].sort((a, b) => a.price.amount - b.price.amount);

/** In-stock products carrying any of `tags` (any product without tags), within the budget when given. */
async function inStock(
  catalog: CatalogClient,
  tags: (string | undefined)[],
  maxPrice: number | undefined,
  minPrice?: number,
): Promise<ProductInfo[]> {
  const lists = await Promise.all(
    tags.map((tag) => catalog.listProducts({ tag, minPrice, maxPrice, inStock: true, limit: 100 })),
  );
  const seen = new Set<string>();
  return lists.flat().filter((p) => !seen.has(p.id) && seen.add(p.id));
}

/** Products not shown yet first; when all were shown, all of them again. */
function fresh(products: ProductInfo[], exclude: string[]): ProductInfo[] {
  const unseen = products.filter((p) => !exclude.includes(p.id));
  return unseen.length > 0 ? unseen : products;
}

/**
 * The kind is the firm wish: its products within the budget and in the colour asked for; failing the colour,
 * the same kind in that colour above the budget (cheapest first), then in other colours. Without a kind (or
 * when none of it is in stock), the occasion or colour narrows the catalog as before.
 */
export async function suggestProducts(
  catalog: CatalogClient,
  gift: GiftSlots,
  seed: number,
  exclude: string[],
  cheapestFirst = false,
): Promise<ProductSuggestions> {
  const { kind, colour, maxPrice } = gift;
  const avoid = gift.avoidKind ? (kindFamilies[gift.avoidKind] ?? [gift.avoidKind]) : [];
  // The budget's lower end ("between $60 and $90") goes with its upper end, and gives way with it.
  const stock = async (tags: (string | undefined)[], max: number | undefined) =>
    (await inStock(catalog, tags, max, max === undefined ? undefined : gift.minPrice)).filter(
      (p) => !p.tags.some((t) => avoid.includes(t)),
    );
  const order = (list: ProductInfo[], relaxed?: ProductSuggestions['relaxed']) =>
    relaxed === 'budget' || cheapestFirst
      ? byPrice(fresh(list, exclude))
      : rank(fresh(list, exclude), gift, seed);
  const pick = (list: ProductInfo[], relaxed?: ProductSuggestions['relaxed']): ProductSuggestions => ({
    products: order(list, relaxed).slice(0, productCount),
    ...(relaxed ? { relaxed } : {}),
  });
  if (kind) {
    const kindTags = kindFamilies[kind] ?? [kind];
    const inBudget = await stock(kindTags, maxPrice);
    const coloured = colour ? inBudget.filter((p) => p.tags.includes(colour)) : inBudget;
    if (coloured.length > 0) {
      // Two red roses and one more rose beat two cards alone.
      const more = order(inBudget.filter((p) => !coloured.includes(p)));
      return { products: [...order(coloured), ...more].slice(0, productCount) };
    }
    if (colour) {
      const overBudget =
        maxPrice === undefined
          ? []
          : (await stock(kindTags, undefined)).filter((p) => p.tags.includes(colour));
      if (overBudget.length > 0) return pick(overBudget, 'budget');
      if (inBudget.length > 0) return pick(inBudget, 'colour');
    }
    if (maxPrice !== undefined) {
      const any = await stock(kindTags, undefined);
      if (any.length > 0) return pick(any, 'budget');
    }
  }
  if (gift.occasion && colour) {
    // "A birthday gift, she likes pink": both first, then the colour, then the occasion.
    const either = await stock([gift.occasion, colour], maxPrice);
    const both = either.filter((p) => p.tags.includes(colour) && p.tags.includes(gift.occasion!));
    const coloured = either.filter((p) => p.tags.includes(colour) && !both.includes(p));
    const rest = either.filter((p) => !both.includes(p) && !coloured.includes(p));
    if (either.length > 0)
      return {
        products: [...order(both), ...order(coloured), ...order(rest)].slice(0, productCount),
        ...(kind ? { relaxed: 'kind' as const } : {}),
      };
  }
  const tags = [gift.occasion, colour].filter((t): t is string => t !== undefined);
  for (const tag of [...tags, undefined]) {
    const found = await stock([tag], maxPrice);
    if (found.length === 0) continue;
    // The occasion narrows the query; of its products, those in the colour asked for come first.
    const coloured = colour && tag !== colour ? found.filter((p) => p.tags.includes(colour)) : [];
    const rest = found.filter((p) => !coloured.includes(p));
    return {
      products: [...order(coloured), ...order(rest)].slice(0, productCount),
      ...(kind ? { relaxed: 'kind' as const } : {}),
    };
  }
  return { products: [] };
}

/** Words of a name that say nothing about which product: left out on both sides. */
const small = new Set(['and', 'the', 'with', 'for', 'from', 'of', 'in', 'a', 'an']);
/** Words of a request that are too common to single out a product by themselves ("happy", "new", "day"). */
const common = new Set([
  'new',
  'day',
  'happy',
  'love',
  'well',
  'soon',
  'get',
  'you',
  'thank',
  'gift',
  'present',
]);
const singular = (w: string) => w.replace(/ies$/, 'y').replace(/(?<!s)s$/, '');

/** A name's or a message's words that can name a product: folded, singular, small ones left out. */
export function nameWords(text: string): string[] {
  return fold(text)
    .split(' ')
    .filter((w) => w.length > 1 && !small.has(w))
    .map(singular);
}

/**
 * The products `text` names among `products`. A name said in full wins (a name inside a longer one said is the
 * longer one); otherwise the one product whose name shares the most words with the text, when one of those
 * words is not a wish (`isWish`: "pink", "roses") or a common word, and no other product shares as many. Among
 * equals, a product in stock is preferred.
 */
export function matchProductsNamed(
  products: ProductInfo[],
  text: string,
  isWish: (word: string) => boolean,
): NamedProducts | undefined {
  const said = nameWords(text);
  const scored = products
    .map((p) => {
      const words = nameWords(p.name);
      return { p, words, hits: words.filter((w) => said.includes(w)) };
    })
    .filter((s) => s.words.length > 0 && s.hits.length > 0);
  const inStockFirst = (list: typeof scored) =>
    list.filter((s) => s.p.stock > 0).length > 0 ? list.filter((s) => s.p.stock > 0) : list;
  const whole = scored.filter((s) => s.hits.length === s.words.length);
  const longest = whole.filter(
    (s) => !whole.some((o) => o.words.length > s.words.length && s.words.every((w) => o.words.includes(w))),
  );
  if (longest.length > 0) {
    const at = (s: (typeof scored)[number]) => Math.min(...s.words.map((w) => said.indexOf(w)));
    // One product per name said, in stock first; in the order said.
    const byName = new Map<string, (typeof scored)[number]>();
    for (const s of inStockFirst(longest)) if (!byName.has(fold(s.p.name))) byName.set(fold(s.p.name), s);
    for (const s of longest) if (!byName.has(fold(s.p.name))) byName.set(fold(s.p.name), s);
    return { products: [...byName.values()].sort((a, b) => at(a) - at(b)).map((s) => s.p), whole: true };
  }
  const telling = scored.filter((s) => s.hits.some((w) => !isWish(w) && !common.has(w)));
  const best = Math.max(0, ...telling.map((s) => s.hits.length));
  const top = inStockFirst(telling.filter((s) => s.hits.length === best));
  return top.length === 1 ? { products: [top[0]!.p], whole: false } : undefined;
}

/**
 * The products `text` names (see matchProductsNamed), from the product directory; `thorough` also searches the
 * catalog word by word for a product newer than the directory. The products found are read again for their
 * stock, which a directory a minute old may not know.
 */
export async function findProductsNamed(
  catalog: CatalogClient,
  directory: () => Promise<ProductInfo[]>,
  text: string,
  isWish: (word: string) => boolean,
  thorough: boolean,
): Promise<NamedProducts | undefined> {
  let named = matchProductsNamed(await directory(), text, isWish);
  if (!named && thorough) {
    const words = [...new Set(nameWords(text).filter((w) => w.length > 2 && !common.has(w)))].slice(0, 8);
    const lists = await Promise.all(words.map((q) => catalog.listProducts({ q, limit: 100 })));
    const seen = new Set<string>();
    named = matchProductsNamed(
      lists.flat().filter((p) => !seen.has(p.id) && seen.add(p.id)),
      text,
      isWish,
    );
  }
  if (!named) return undefined;
  const now = await Promise.all(named.products.map((p) => findProductNamed(catalog, p.name)));
  return { ...named, products: named.products.map((p, i) => (now[i]?.id === p.id ? now[i]! : p)) };
}

/** Every product, reloaded at most once a minute: a stale list keeps answering while the next one loads. */
export function productDirectory(
  catalog: CatalogClient,
  now: () => Date = () => new Date(),
  maxAgeMs = 60_000,
): () => Promise<ProductInfo[]> {
  let current: { products: ProductInfo[]; at: number } | undefined;
  let loading: Promise<ProductInfo[]> | undefined;
  const load = (at: number) =>
    (loading ??= catalog
      .productDirectory()
      .then((products) => {
        current = { products, at };
        return products;
      })
      .finally(() => {
        loading = undefined;
      }));
  return async () => {
    const at = now().getTime();
    if (!current) return load(at);
    if (at - current.at >= maxAgeMs) load(at).catch(() => undefined);
    return current.products;
  };
}

/** A product by (part of) its name, in stock first. */
export async function findProductNamed(
  catalog: CatalogClient,
  name: string,
): Promise<ProductInfo | undefined> {
  const found = await catalog.listProducts({ q: name, limit: 5 });
  // The product of that very name, sold out or not (the dialog says so), before a near one in stock.
  const folded = fold(name);
  return found.find((p) => fold(p.name) === folded) ?? found.find((p) => p.stock > 0) ?? found[0];
}
