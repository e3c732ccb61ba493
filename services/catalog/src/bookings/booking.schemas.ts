// The catalog's own rules for booking input, checked even though the gateway validated the shape.
import { z } from 'zod';
import { pageFields } from '../query/query-fields.js';

const date = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a calendar day YYYY-MM-DD')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'a day that exists');

export const newBookingSchema = z
  .object({
    date,
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
    partySize: z.int().min(1).max(20),
    email: z.email().max(254).optional(),
    phone: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as +12125550123')
      .optional(),
  })
  .strict();

export const bookingListSchema = z.object({ ...pageFields });

export type NewBooking = z.output<typeof newBookingSchema>;
