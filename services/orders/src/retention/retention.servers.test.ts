// The retention suite (idempotency-key expiry, sweeps) against PostgreSQL at DATABASE_URL.
import { pgTestStore, type StoreFixture } from '@concierge/platform/testing';
import { afterAll, describe } from 'vitest';
import { retentionSuite } from '../testing/retention.suite.js';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('retention on PostgreSQL', () => {
  const fixtures: StoreFixture[] = [];
  afterAll(async () => {
    for (const f of fixtures) await f.dispose();
  });
  retentionSuite(async () => {
    const fixture = await pgTestStore(url!);
    fixtures.push(fixture);
    return fixture.open();
  });
});
