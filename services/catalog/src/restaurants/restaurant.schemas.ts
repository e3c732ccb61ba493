// The catalog's own rules for restaurant input, checked even though the gateway validated the shape.
import { z } from 'zod';
import { imageUrl } from '../products/product.schemas.js';
import { pageFields, queryInt, queryNumber, queryText } from '../query/query-fields.js';
import { parseLocalMoment } from './opening-hours.js';

/** Cuisines and areas are slugs; "Upper East Side" is accepted and read as `upper-east-side`. */
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .transform((s) => s.replace(/\s+/g, '-'))
  .pipe(
    z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens')
      .max(60),
  );

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

const openingHours = z
  .object({ day: z.int().min(0).max(6), open: time, close: z.union([time, z.literal('24:00')]) })
  .strict();

const address = z
  .object({
    street: z.string().trim().min(1).max(200),
    city: z.string().trim().min(1).max(100),
    state: z.string().regex(/^[A-Z]{2}$/, 'a two-letter state code'),
    postalCode: z.string().regex(/^\d{5}(-\d{4})?$/, 'a US ZIP code'),
  })
  .strict();

const location = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).strict();

const fields = {
  name: z.string().trim().min(1).max(200),
  cuisine: slug,
  area: slug,
  address,
  location,
  priceLevel: z.int().min(1).max(4),
  rating: z.number().min(0).max(5),
  reviewCount: z.int().min(0),
  phone: z.string().trim().max(40),
  maxPartySize: z.int().min(1).max(100),
  openingHours: z.array(openingHours).max(28),
  imageUrl,
};

export const newRestaurantSchema = z
  .object({
    ...fields,
    rating: fields.rating.default(0),
    reviewCount: fields.reviewCount.default(0),
    phone: fields.phone.default(''),
    maxPartySize: fields.maxPartySize.default(8),
    openingHours: fields.openingHours.default([]),
    imageUrl: imageUrl.optional(),
  })
  .strict();

export const restaurantPatchSchema = z
  .object({ ...fields, address: address.partial().strict(), location: location.partial().strict() })
  .partial()
  .strict();

export const restaurantListSchema = z.object({
  q: queryText.optional(),
  cuisine: slug.optional(),
  area: slug.optional(),
  priceLevel: queryInt(1, 4).optional(),
  minRating: queryNumber(0, 5).optional(),
  openAt: z
    .string()
    .transform((text, ctx) => {
      const moment = parseLocalMoment(text);
      if (!moment) ctx.addIssue({ code: 'custom', message: 'a local date and time YYYY-MM-DDTHH:MM' });
      return moment ?? z.NEVER;
    })
    .optional(),
  partySize: queryInt(1, 20).optional(),
  ...pageFields,
});

export type NewRestaurant = z.output<typeof newRestaurantSchema>;
export type RestaurantPatch = z.output<typeof restaurantPatchSchema>;
export type RestaurantListQuery = z.output<typeof restaurantListSchema>;
