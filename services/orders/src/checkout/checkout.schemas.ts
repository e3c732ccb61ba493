// The orders service's own rules for a checkout body, checked even though the gateway validated its shape.
import { z } from 'zod';

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'an id');
const phone = z
  .string()
  .max(16)
  .regex(/^\+[1-9]\d{6,14}$/, 'E.164, e.g. +12175550123');
const text = (max: number) => z.string().trim().min(1, 'must not be blank').max(max);

const structuredAddress = z
  .object({
    line1: text(200),
    line2: z.string().max(200).optional(),
    city: text(100),
    state: text(100),
    postalCode: text(20).regex(/^[A-Za-z0-9 -]+$/, 'letters, digits, spaces and hyphens'),
    country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, e.g. US'),
  })
  .strict();

export const checkoutSchema = z
  .object({
    productId: id,
    quantity: z.int().min(1).max(100).default(1),
    deliveryAddress: z.union([z.string().trim().min(5).max(500), structuredAddress]),
    deliveryDate: z.iso.date(),
    recipient: z
      .object({ name: text(120), phone: phone.optional() })
      .strict()
      .optional(),
    cardMessage: z.string().max(500).optional(),
    contact: z
      .object({ email: z.email().max(254).optional(), phone: phone.optional() })
      .strict()
      .refine((c) => c.email !== undefined || c.phone !== undefined, 'an email or a phone')
      .optional(),
    paymentToken: z
      .string()
      .max(255)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
  })
  .strict();

export type CheckoutInput = z.output<typeof checkoutSchema>;

export const idempotencyKeySchema = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/);
