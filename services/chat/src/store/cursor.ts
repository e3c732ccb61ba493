// Opaque paging cursors over the conversation listing's `(updated_at, id)` key.
import { AppError } from '@concierge/platform';

export function encodeCursor(key: [string, string]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === 2 && key.every((k) => typeof k === 'string'))
      return key as [string, string];
  } catch {
    // fall through to the error below
  }
  throw new AppError('invalid', 'The cursor is not one this listing gave out', {
    code: 'INVALID_CURSOR',
    details: [{ field: 'query.cursor', message: 'pass nextCursor back unchanged' }],
  });
}
