// OrderRepository on SQLite (the embedded store).
import { createSqliteStore, type SqlStore } from '@concierge/platform';
import { afterEach, describe } from 'vitest';
import { orderRepositorySuite } from '../testing/order-repository.suite.js';

const opened: SqlStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

describe('OrderRepository on SQLite', () => {
  orderRepositorySuite(async () => {
    const store = createSqliteStore({ file: ':memory:' });
    opened.push(store);
    return store;
  });
});
