// Runs the catalog suites against the embedded SQLite store.
import { createSqliteStore } from '@concierge/platform';
import { productSuite } from './testing/product.suite.js';
import { restaurantSuite } from './testing/restaurant.suite.js';
import { seedSuite } from './testing/seed.suite.js';

const sqlite = async () => {
  const store = createSqliteStore({ file: ':memory:' });
  return { store, close: () => store.close() };
};

productSuite(sqlite);
restaurantSuite(sqlite);
seedSuite(sqlite);
