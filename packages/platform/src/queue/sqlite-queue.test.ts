// The SQLite queue against the shared contract, in a temporary database shared with a SQL store.
import { queueContract, tempSqliteStore } from '../testing/index.js';
import { createSqliteQueue } from './sqlite-queue.js';

queueContract('sqlite', async () => {
  const fixture = tempSqliteStore();
  const store = await fixture.open();
  return { queue: createSqliteQueue({ database: store }), dispose: fixture.dispose };
});
