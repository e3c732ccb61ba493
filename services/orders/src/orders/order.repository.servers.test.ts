// OrderRepository on PostgreSQL at DATABASE_URL.
import { pgTestStore, type StoreFixture } from '@concierge/platform/testing';
import { afterAll, describe } from 'vitest';
import { orderRepositorySuite } from '../testing/order-repository.suite.js';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('OrderRepository on PostgreSQL', () => {
  const fixtures: StoreFixture[] = [];
  afterAll(async () => {
    for (const f of fixtures) await f.dispose();
  });
  orderRepositorySuite(async () => {
    const fixture = await pgTestStore(url!);
    fixtures.push(fixture);
    return fixture.open();
  });
});
