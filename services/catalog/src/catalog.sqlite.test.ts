// Runs the catalog suites against the embedded SQLite store.
import { createSqliteStore } from '@concierge/platform';
import { bookingSuite } from './testing/booking.suite.js';
import { productListingSuite } from './testing/product-listing.suite.js';
import { productWritesSuite } from './testing/product-writes.suite.js';
import { restaurantListingSuite } from './testing/restaurant-listing.suite.js';
import { restaurantWritesSuite } from './testing/restaurant-writes.suite.js';
import { seedSuite } from './testing/seed.suite.js';

const sqlite = async () => {
  const store = createSqliteStore({ file: ':memory:' });
  return { store, close: () => store.close() };
};

productWritesSuite(sqlite);
productListingSuite(sqlite);
restaurantWritesSuite(sqlite);
restaurantListingSuite(sqlite);
seedSuite(sqlite);
bookingSuite(sqlite);
