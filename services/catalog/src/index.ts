// The catalog service: products and restaurants, their search, and the demo data set.
import { prefixedId, type ServiceMigrations, type ServiceModule } from '@concierge/platform';
import { bookingOperations } from './bookings/booking.operations.js';
import { BookingRepository } from './bookings/booking.repository.js';
import { BookingService } from './bookings/booking.service.js';
import type { CatalogDeps } from './catalog.deps.js';
import type { CatalogDb } from './catalog.tables.js';
import { facetOperations } from './facets/facet.operations.js';
import { FacetService } from './facets/facet.service.js';
import { catalogMigrations } from './migrations/catalog.migrations.js';
import { ProductCache } from './products/product.cache.js';
import { productOperations } from './products/product.operations.js';
import { ProductRepository } from './products/product.repository.js';
import { ProductService } from './products/product.service.js';
import { restaurantOperations } from './restaurants/restaurant.operations.js';
import { RestaurantRepository } from './restaurants/restaurant.repository.js';
import { RestaurantService } from './restaurants/restaurant.service.js';
import { type SeedOptions, type SeedReport, seedCatalog } from './seed/seed-catalog.js';
import { stockOperations } from './stock/stock.operations.js';
import { StockRepository } from './stock/stock.repository.js';
import { StockService } from './stock/stock.service.js';

export type { Booking } from './bookings/booking.types.js';
export type { CatalogDeps } from './catalog.deps.js';
export type { CatalogFacets } from './facets/facet.service.js';
export type { Page } from './paging/page.js';
export type { Money, Product } from './products/product.types.js';
export type { OpeningHours, Restaurant } from './restaurants/restaurant.types.js';
export { generateProducts } from './seed/product.generator.js';
export { generateRestaurants } from './seed/restaurant.generator.js';
export type { SeedOptions, SeedReport } from './seed/seed-catalog.js';
export type { StockReservation } from './stock/stock.types.js';
export { catalogMigrations, seedCatalog };

export interface CatalogService {
  /** The operations the gateway routes to, by operationId. */
  module: ServiceModule;
  migrations: ServiceMigrations;
  /** Seeds the demo data set into this service's store (see `seedCatalog`). */
  seed(options?: SeedOptions): Promise<SeedReport>;
}

/**
 * Wires the catalog over a store. Run `store.migrate(catalog.migrations)` before serving.
 * @example
 * const catalog = createCatalogService({ store });
 * await store.migrate(catalog.migrations);
 * await catalog.seed();
 * const answer = await catalog.module.operations.listProducts(request);
 */
export function createCatalogService(deps: CatalogDeps): CatalogService {
  const db = deps.store.db as CatalogDb;
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? prefixedId;
  const products = new ProductRepository(db);
  const productCache = new ProductCache({ ttlMs: deps.productCacheMs ?? 1000 });
  const restaurants = new RestaurantRepository(db);
  const operations = {
    ...productOperations(new ProductService(products, now, newId, productCache)),
    ...restaurantOperations(new RestaurantService(restaurants, now, newId)),
    ...facetOperations(new FacetService(products, restaurants)),
    ...stockOperations(
      new StockService(new StockRepository(db), now, (productId) => productCache.forget(productId)),
    ),
    ...bookingOperations(
      new BookingService(
        new BookingRepository(db),
        restaurants,
        now,
        newId,
        deps.timeZone ?? 'America/New_York',
      ),
    ),
  };
  return {
    module: { name: 'catalog', operations },
    migrations: catalogMigrations,
    seed: (options) => seedCatalog(deps.store, options),
  };
}
