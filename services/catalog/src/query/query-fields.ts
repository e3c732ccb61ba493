// Zod building blocks for query strings, which arrive as strings or already coerced by the gateway.
import { z } from 'zod';

export const queryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const queryNumber = (min: number, max: number) => z.coerce.number().min(min).max(max);

export const queryBoolean = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const queryText = z.string().trim().min(1).max(200);

export const pageFields = {
  limit: queryInt(1, 100).default(20),
  cursor: z.string().min(1).max(1000).optional(),
};
