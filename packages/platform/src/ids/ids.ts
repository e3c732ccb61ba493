// Sortable identifiers: UUIDv7 (time-ordered), optionally with a short type prefix for readability.
import { uuidv7 } from 'uuidv7';

/** A new UUIDv7; lexical order follows creation time. */
export function newId(): string {
  return uuidv7();
}

/**
 * A UUIDv7 with a type prefix, e.g. `ord_0190f4c2-...`.
 * @example prefixedId('prd') // 'prd_0192...'
 */
export function prefixedId(prefix: string): string {
  return `${prefix}_${uuidv7()}`;
}
