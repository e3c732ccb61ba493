// Validates request parts with module-level zod schemas; failures become AppError 'invalid' naming each field.

import type { z } from 'zod';
import { AppError, type FieldProblem } from './app-error.js';

/** `where` prefixes field paths, e.g. `query` → `query.limit`, `body` → `body.price.amount`. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'query' | 'body',
): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const details: FieldProblem[] = result.error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw AppError.invalid(`The request ${where} is not valid.`, details);
}
