// What the catalog needs from its host: a store, a clock and an id source (the last two replaceable in tests).
import type { SqlStore } from '@concierge/platform';

export interface CatalogDeps {
  store: SqlStore;
  /** Defaults to the system clock. */
  now?: () => Date;
  /** Defaults to `prefixedId` (UUIDv7 with a type prefix). */
  newId?: (prefix: string) => string;
  /** Where the restaurants are: booking dates and times are local to it. Default America/New_York. */
  timeZone?: string;
  /** How long a product read is reused by this process (`product.cache.ts`); default 1000, 0 turns it off. */
  productCacheMs?: number;
}
