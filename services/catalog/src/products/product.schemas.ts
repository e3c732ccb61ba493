// The catalog's own rules for product input, checked even though the gateway validated the shape.
import { z } from 'zod';
import { pageFields, queryBoolean, queryInt, queryText } from '../query/query-fields.js';

const maxAmount = 100_000_000;

export const tagSlug = z
  .string()
  .max(40)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens');

export const imageUrl = z
  .string()
  .max(500)
  .regex(/^(\/|https:\/\/)/, 'a site path or an https URL');

const price = z
  .object({
    amount: z.int().min(0).max(maxAmount),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD'),
  })
  .strict();

const tags = z
  .array(tagSlug)
  .max(20)
  .transform((list) => [...new Set(list)]);

const fields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000),
  imageUrl,
  tags,
  stock: z.int().min(0).max(1_000_000),
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
export type ProductPatch = z.output<typeof productPatchSchema>;
export type ProductListQuery = z.output<typeof productListSchema>;
