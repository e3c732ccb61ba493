// WAL checkpoints run on their own thread: the store's commits stay short, and the WAL still shrinks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../testing/index.js';
import { createSqliteStore, type SqliteStore } from './sqlite-store.js';

describe('WAL checkpoint thread', () => {
  let dir: string;
  let store: SqliteStore | undefined;
  afterEach(async () => {
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checkpoints a WAL grown past 4 MiB on its thread; every row stays readable', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-wal-'));
    const file = path.join(dir, 'test.db');
    store = createSqliteStore({ file });
    await sql`create table blob_row (id integer primary key, data text)`.execute(store.db);
    const chunk = 'x'.repeat(16 * 1024);
    // About 8 MiB in 512 rows, in groups of 32 concurrent writes.
    for (let i = 0; i < 512; i += 32)
      await Promise.all(
        Array.from({ length: 32 }, (_, j) =>
          store!.db
            .insertInto('blob_row')
            .values({ id: i + j, data: chunk })
            .execute(),
        ),
      );
    // The store's connection no longer checkpoints at 1,000 pages by itself: the thread does.
    expect(store.raw.pragma('wal_autocheckpoint', { simple: true })).toBe(16_000);
    await eventually(() => expect(store!.walCheckpoints()).toBeGreaterThan(0), { timeoutMs: 10_000 });
    // Another connection reads every row; the next write then reuses the checkpointed WAL from its start.
    const other = new Database(file, { readonly: true });
    expect((other.prepare('select count(*) as n from blob_row').get() as { n: number }).n).toBe(512);
    other.close();
    const walBefore = fs.statSync(`${file}-wal`).size;
    await store.db.insertInto('blob_row').values({ id: 10_000, data: 'after' }).execute();
    // A fully checkpointed WAL is reused from its start by the next write, so it does not keep growing.
    expect(fs.statSync(`${file}-wal`).size).toBeLessThanOrEqual(walBefore);
  });

  it('stays out of in-memory databases and can be turned off', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-wal-'));
    const memory = createSqliteStore({ file: ':memory:' });
    expect(memory.walCheckpoints()).toBe(0);
    await memory.close();
    store = createSqliteStore({ file: path.join(dir, 'off.db'), checkpointThread: false });
    expect(store.raw.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });
});
