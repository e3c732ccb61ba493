// Child process of the cross-process migration test: migrates one shared file and prints its report.
import { setTimeout as sleep } from 'node:timers/promises';
import { createSqliteStore } from './sqlite-store.js';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: sqlite-store.migrate-child.ts <db file>');
const store = createSqliteStore({ file, busyTimeoutMs: 10_000 });
const report = await store.migrate({
  service: 'shared',
  migrations: {
    '0001_log': {
      async up(db) {
        await db.schema.createTable('shared_log').addColumn('pid', 'integer').execute();
        // Widens the window in which another process could run the same migration.
        await sleep(300);
        await db.insertInto('shared_log').values({ pid: process.pid }).execute();
      },
    },
  },
});
process.stdout.write(JSON.stringify(report));
await store.close();
