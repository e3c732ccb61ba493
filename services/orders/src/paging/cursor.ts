// Keyset cursors over one id: base64url of the last id shown, with a checksum naming the listing.
import { createHash } from 'node:crypto';
import { AppError } from '@concierge/platform';

function check(scope: string, payload: string): string {
  return createHash('sha256').update(`${scope}.${payload}`).digest('base64url').slice(0, 12);
}

export function encodeCursor(scope: string, id: string): string {
  const payload = Buffer.from(id).toString('base64url');
  return `${payload}.${check(scope, payload)}`;
}

/** Rejects anything `encodeCursor` did not make for this scope as INVALID_CURSOR. */
export function decodeCursor(scope: string, cursor: string): string {
  const [payload, sum, extra] = cursor.split('.');
  if (!payload || sum !== check(scope, payload) || extra !== undefined)
    throw new AppError('invalid', 'The cursor is not one this listing handed out; start again without it.', {
      code: 'INVALID_CURSOR',
      details: [{ field: 'query.cursor', message: 'unknown or damaged cursor' }],
    });
  return Buffer.from(payload, 'base64url').toString('utf8');
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Rows are fetched `limit + 1`: the extra one says another page exists. */
export function toPage<R extends { id: string }, T>(
  scope: string,
  rows: R[],
  limit: number,
  map: (row: R) => T,
): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor(scope, last.id) : null,
  };
}
