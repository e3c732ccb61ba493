// Several processes migrating one SQLite file at once apply each migration exactly once.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, expect, it } from 'vitest';
import type { MigrationReport } from '../ports/sql-store.js';
import { type StoreFixture, tempSqliteStore } from '../testing/index.js';

const run = promisify(execFile);
const child = fileURLToPath(new URL('./sqlite-store.migrate-child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
let fixture: StoreFixture | undefined;

afterEach(async () => {
  await fixture?.dispose();
});

it('serializes migrate() across processes through the database lock', async () => {
  const temp = tempSqliteStore();
  fixture = temp;
  const outputs = await Promise.all(
    [1, 2, 3].map(() =>
      run(process.execPath, ['--import', 'tsx', child, temp.file], { cwd: repoRoot, timeout: 15_000 }),
    ),
  );
  const reports = outputs.map((o) => JSON.parse(o.stdout) as MigrationReport);
  expect(reports.flatMap((r) => r.applied)).toEqual(['0001_log']);
  const store = await temp.open();
  expect(await store.db.selectFrom('shared_log').selectAll().execute()).toHaveLength(1);
});
