// The history writes of concurrent turns on SQLite (the suite runs on PostgreSQL in the servers project): as the
// chat runs there (each write at once, the store grouping commits), and with the chat's own batching.
import { tempSqliteStore } from '@concierge/platform/testing';
import { historyWritesSuite } from '../testing/history-writes.suite.js';

const direct = tempSqliteStore();
historyWritesSuite(
  'SQLite',
  () => direct.open(),
  () => direct.dispose(),
  { direct: true },
);

const batched = tempSqliteStore();
historyWritesSuite(
  'SQLite',
  () => batched.open(),
  () => batched.dispose(),
);
