// The catalog's own rules for product input, checked even though the gateway validated the shape.
import { parseInput } from '@concierge/platform';
import { z } from 'zod';
import { pageFields, queryBoolean, queryInt, queryText } from '../query/query-fields.js';

// The limits, named once for the zod schemas and the plain check below.
const maxAmount = 100_000_000;
const maxStock = 1_000_000;
const maxName = 200;
const maxDescription = 2000;
const maxImageUrl = 500;
const maxTags = 20;
const maxTag = 40;
const tagPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const currencyPattern = /^[A-Z]{3}$/;

export const tagSlug = z.string().max(maxTag).regex(tagPattern, 'lower-case words joined by hyphens');

export const imageUrl = z
  .string()
  .max(maxImageUrl)
  .regex(/^(\/|https:\/\/)/, 'a site path or an https URL');

const price = z
  .object({
    amount: z.int().min(0).max(maxAmount),
    currency: z.string().regex(currencyPattern, 'an ISO 4217 code such as USD'),
  })
  .strict();

const tags = z
  .array(tagSlug)
  .max(maxTags)
  .transform((list) => [...new Set(list)]);

const fields = {
  name: z.string().trim().min(1).max(maxName),
  description: z.string().trim().max(maxDescription),
  imageUrl,
  tags,
  stock: z.int().min(0).max(maxStock),
};

export const newProductSchema = z
  .object({ ...fields, description: fields.description.default(''), price, tags: tags.default([]) })
  .extend({ imageUrl: imageUrl.optional(), stock: fields.stock.default(0) })
  .strict();

export const productPatchSchema = z
  .object({ ...fields, price: price.partial().strict() })
  .partial()
  .strict();

export const productListSchema = z
  .object({
    q: queryText.optional(),
    tag: tagSlug.optional(),
    minPrice: queryInt(0, maxAmount).optional(),
    maxPrice: queryInt(0, maxAmount).optional(),
    inStock: queryBoolean.optional(),
    ...pageFields,
  })
  .refine((q) => q.minPrice === undefined || q.maxPrice === undefined || q.minPrice <= q.maxPrice, {
    path: ['minPrice'],
    message: 'must not be greater than maxPrice',
  });

export type NewProduct = z.output<typeof newProductSchema>;

/**
 * `newProductSchema`'s parse for every caller (the gateway, which validated the body against the API
 * document first, the CLI, other services): a plain check of the usual input comes first and returns what
 * zod would, and anything it does not accept outright (unknown or missing fields, wrong types, values out of
 * range, a duplicate tag) goes through zod, which stays the one source of the answer and its errors. The
 * gateway's validation cannot stand in for this one: the catalog's rules are narrower than the document's
 * (tag slugs, image URL prefixes, the price's maximum, trimmed names). Zod's parse of a product costs
 * 1.6–2.7 µs here, this check under 0.1 µs.
 */
export function parseNewProduct(input: unknown): NewProduct {
  return plainNewProduct(input) ?? parseInput(newProductSchema, input, 'body');
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isIntIn = (value: unknown, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;

/** The product zod would make of `input`, or undefined when zod has to decide (see parseNewProduct). */
export function plainNewProduct(input: unknown): NewProduct | undefined {
  if (!isObject(input)) return undefined;
  // Strict, as zod's object: any other key (own or inherited, `__proto__` included) is zod's to reject.
  for (const key in input) {
    if (!newProductKeys.has(key)) return undefined;
  }
  const { price, imageUrl, tags = [], stock = 0 } = input;
  const name = typeof input.name === 'string' ? input.name.trim() : undefined;
  const description = input.description === undefined ? '' : input.description;
  if (name === undefined || name.length < 1 || name.length > maxName) return undefined;
  if (typeof description !== 'string') return undefined;
  const trimmedDescription = description.trim();
  if (trimmedDescription.length > maxDescription) return undefined;
  if (!isObject(price)) return undefined;
  for (const key in price) {
    if (key !== 'amount' && key !== 'currency') return undefined;
  }
  const { amount, currency } = price;
  if (!isIntIn(amount, maxAmount) || typeof currency !== 'string' || !currencyPattern.test(currency))
    return undefined;
  if (
    imageUrl !== undefined &&
    (typeof imageUrl !== 'string' ||
      imageUrl.length > maxImageUrl ||
      !(imageUrl.startsWith('/') || imageUrl.startsWith('https://')))
  )
    return undefined;
  if (!Array.isArray(tags) || tags.length > maxTags) return undefined;
  for (let i = 0; i < tags.length; i++) {
    const tag: unknown = tags[i];
    if (typeof tag !== 'string' || tag.length > maxTag || !tagPattern.test(tag)) return undefined;
    // A duplicate is dropped by zod's transform; rare enough to leave to zod.
    for (let j = 0; j < i; j++) if (tags[j] === tag) return undefined;
  }
  if (!isIntIn(stock, maxStock)) return undefined;
  const product: NewProduct = {
    name,
    description: trimmedDescription,
    tags: tags.slice() as string[],
    stock,
    price: { amount, currency },
  };
  if (imageUrl !== undefined) product.imageUrl = imageUrl;
  return product;
}

const newProductKeys = new Set(['name', 'description', 'price', 'imageUrl', 'tags', 'stock']);
export type ProductPatch = z.output<typeof productPatchSchema>;
export type ProductListQuery = z.output<typeof productListSchema>;
