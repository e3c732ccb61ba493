// Fills an empty catalog with the demo data set, in batches, inside one transaction.
import type { SqlStore } from '@concierge/platform';
import type { CatalogDb } from '../catalog.tables.js';
import { ProductRepository } from '../products/product.repository.js';
import { RestaurantRepository } from '../restaurants/restaurant.repository.js';
import { generateProducts } from './product.generator.js';
import { generateRestaurants } from './restaurant.generator.js';

export interface SeedOptions {
  /** Products to create (at most the number of designs, 62); default 60. */
  products?: number;
  /** Restaurants to create; default 600. */
  restaurants?: number;
  /** Replace whatever the catalog holds; without it a non-empty catalog is left alone. */
  reset?: boolean;
  /** Called after each batch with rows written so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface SeedReport {
  /** False when the catalog already had data and `reset` was not asked for. */
  seeded: boolean;
  products: number;
  restaurants: number;
}

// Small enough for every driver's bound-parameter limit (20 columns × 50 rows, plus opening ranges).
const batchSize = 50;

/**
 * Seeds the demo catalog: the same rows, ids included, on every run.
 * @example await seedCatalog(store, { products: 60, restaurants: 600, onProgress: (d, t) => log(d, t) });
 */
export async function seedCatalog(store: SqlStore, options: SeedOptions = {}): Promise<SeedReport> {
  const products = generateProducts(options.products ?? 60);
  const restaurants = generateRestaurants(options.restaurants ?? 600);
  const total = products.length + restaurants.length;
  return (store.db as CatalogDb).transaction().execute(async (trx) => {
    const productRepo = new ProductRepository(trx);
    const restaurantRepo = new RestaurantRepository(trx);
    const existing = (await productRepo.count()) + (await restaurantRepo.count());
    if (existing > 0 && !options.reset) return { seeded: false, products: 0, restaurants: 0 };
    await restaurantRepo.deleteAll();
    await productRepo.deleteAll();
    let done = 0;
    const write = async <T>(items: T[], insert: (batch: T[]) => Promise<void>) => {
      for (let i = 0; i < items.length; i += batchSize) {
        const batch = items.slice(i, i + batchSize);
        await insert(batch);
        done += batch.length;
        options.onProgress?.(done, total);
      }
    };
    await write(products, (batch) => productRepo.insert(batch));
    await write(restaurants, (batch) => restaurantRepo.insert(batch));
    return { seeded: true, products: products.length, restaurants: restaurants.length };
  });
}
