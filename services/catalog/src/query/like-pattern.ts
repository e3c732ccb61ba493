// Case-insensitive "contains" for LIKE, with the caller's own `%`, `_` and escape character taken literally.
import { type Expression, type SqlBool, sql } from 'kysely';

// `!` rather than backslash: backslashes in string literals behave differently across dialects and settings.
const escapeChar = '!';

/** The pattern that `containsAny` compares lower-cased columns with. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, (c) => `${escapeChar}${c}`)}%`;
}

/** True when any of `columns`, lower-cased, contains `text`; the text travels as a bound parameter. */
export function containsAny(columns: string[], text: string): Expression<SqlBool> {
  const pattern = containsPattern(text);
  const tests = columns.map(
    (c) => sql<SqlBool>`lower(${sql.ref(c)}) like ${pattern} escape ${sql.lit(escapeChar)}`,
  );
  return sql<SqlBool>`(${sql.join(tests, sql` or `)})`;
}
