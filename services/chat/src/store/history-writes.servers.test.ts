// The history writes of concurrent turns on PostgreSQL (skipped unless DATABASE_URL is set).
import { pgTestStore, type StoreFixture } from '@concierge/platform/testing';
import { describe } from 'vitest';
import { historyWritesSuite } from '../testing/history-writes.suite.js';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('PostgreSQL', () => {
  let fixture: StoreFixture | undefined;
  historyWritesSuite(
    'PostgreSQL',
    async () => {
      fixture = await pgTestStore(url!);
      return fixture.open();
    },
    async () => {
      await fixture?.dispose();
    },
  );
});
