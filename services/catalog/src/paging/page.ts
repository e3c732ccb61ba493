// The answer shape of every listing, and how a fetched "limit + 1" batch becomes one.
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Repositories fetch one row more than asked; its presence says another page exists, and the cursor is
 * the key of the last row shown.
 */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  toItem: (row: R) => T,
  toCursor: (row: R) => string,
): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { items: shown.map(toItem), nextCursor: rows.length > limit && last ? toCursor(last) : null };
}
