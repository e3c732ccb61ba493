// Product reads are the hottest path of the concierge (every product card, every chat suggestion, every
// checkout looks one up). This process keeps the products it read for a short time, like API Gateway's
// stage cache, and forgets one the moment this process changes it (an operator edit, a stock
// reservation). Another process's change (a second catalog replica, a worker process) is seen within
// the TTL. Checkout never trusts cached stock: the reservation is one guarded UPDATE in the database.
// Entries are shared between callers, so they are deeply frozen (nobody may change one in place), which
// also lets the gateway reuse a cached product's JSON.
import { deepFreeze } from '@concierge/platform';
import { LRUCache } from 'lru-cache';
import type { Product } from './product.types.js';

export interface ProductCacheOptions {
  /** How long a read product is reused; 0 turns the cache off. */
  ttlMs: number;
  /** Products kept at most (least recently used leave first). Default 10,000. */
  max?: number;
}

export class ProductCache {
  readonly #entries: LRUCache<string, Product> | undefined;
  /** Bumped by every change: a read that started before a change must not store what it read. */
  #generation = 0;

  constructor(options: ProductCacheOptions) {
    this.#entries =
      options.ttlMs > 0 ? new LRUCache({ max: options.max ?? 10_000, ttl: options.ttlMs }) : undefined;
  }

  async read(id: string, load: (id: string) => Promise<Product | undefined>): Promise<Product | undefined> {
    const entries = this.#entries;
    if (!entries) return load(id);
    const hit = entries.get(id);
    if (hit) return hit;
    const generation = this.#generation;
    const product = await load(id);
    if (product && generation === this.#generation) entries.set(id, deepFreeze(product));
    return product;
  }

  /** Call after a change to `id` is committed. */
  forget(id: string): void {
    this.#generation++;
    this.#entries?.delete(id);
  }
}
