// Query rules of the order listings.
import { z } from 'zod';

const page = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(1000).optional(),
  status: z.enum(['pending', 'confirmed', 'failed', 'cancelled']).optional(),
};

export const ownListSchema = z.object(page).strict();

export const allListSchema = z.object({ ...page, userId: z.string().min(1).max(64).optional() }).strict();
