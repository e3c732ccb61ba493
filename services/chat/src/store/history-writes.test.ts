// The history writes of concurrent turns on SQLite (the suite runs on PostgreSQL in the servers project).
import { tempSqliteStore } from '@concierge/platform/testing';
import { historyWritesSuite } from '../testing/history-writes.suite.js';

const fixture = tempSqliteStore();
historyWritesSuite(
  'SQLite',
  () => fixture.open(),
  () => fixture.dispose(),
);
