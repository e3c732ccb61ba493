// The service's own rules for preferences input, checked even though the gateway validated the shape.
import { z } from 'zod';
import { webhookUrlProblem } from '../webhooks/webhook-url.js';

export const preferencesSchema = z
  .object({
    email: z.boolean(),
    sms: z.boolean(),
    webhookUrl: z
      .string()
      .max(500)
      .superRefine((value, ctx) => {
        const problem = webhookUrlProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .nullable()
      .default(null),
  })
  .strict();
