// Keyset cursors: the last row's sort key as base64url JSON, tagged with a checksum and the order it belongs to.
import { createHash } from 'node:crypto';
import { AppError } from '@concierge/platform';

/** Turns a sort key into an opaque cursor and back; `decode` rejects anything it did not make. */
export interface CursorCodec<K> {
  encode(key: K): string;
  decode(cursor: string): K;
}

// A checksum, not a signature: it turns garbage, truncation and cursors from another listing into
// INVALID_CURSOR. A forged key is harmless anyway: it only moves the start of a public listing.
function tag(scope: string, payload: string): string {
  return createHash('sha256').update(`${scope}.${payload}`).digest('base64url').slice(0, 12);
}

function invalidCursor(): AppError {
  return new AppError('invalid', 'The cursor is not one this listing handed out; start again without it.', {
    code: 'INVALID_CURSOR',
    details: [{ field: 'query.cursor', message: 'unknown or damaged cursor' }],
  });
}

/** A codec for one listing order (`scope`), checking the decoded key's shape with `isKey`. */
export function cursorCodec<K>(scope: string, isKey: (value: unknown) => value is K): CursorCodec<K> {
  return {
    encode(key) {
      const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
      return `${payload}.${tag(scope, payload)}`;
    },
    decode(cursor) {
      const [payload, check, extra] = cursor.split('.');
      if (!payload || check !== tag(scope, payload) || extra !== undefined) throw invalidCursor();
      let key: unknown;
      try {
        key = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        throw invalidCursor();
      }
      if (!isKey(key)) throw invalidCursor();
      return key;
    },
  };
}

/** Keys made of strings and finite numbers in a fixed pattern, e.g. `tuple('number', 'string')`. */
export function isTuple<K extends unknown[]>(...types: ('string' | 'number')[]) {
  return (value: unknown): value is K =>
    Array.isArray(value) &&
    value.length === types.length &&
    types.every((t, i) => typeof value[i] === t && (t === 'string' || Number.isFinite(value[i])));
}
