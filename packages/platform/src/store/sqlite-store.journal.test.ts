// A unit of a commit group (a savepoint) that changes more than 64 KiB of existing pages: SQLite keeps its
// statement journal in memory (no temporary file, whose writes cost more than the WAL's under load), and
// rolling the unit back still restores every page while the rest of its group commits.
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempSqliteStore } from '../testing/index.js';
import type { createSqliteStore } from './sqlite-store.js';

/** SQLite's temporary files are unlinked at once; on Linux they still show in /proc/self/fd. */
function openTempFiles(): string[] {
  if (process.platform !== 'linux') return [];
  return fs
    .readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => /etilqs_/.test(target));
}

describe('sqlite store: statement journal of a unit', () => {
  let fixture: ReturnType<typeof tempSqliteStore>;
  let store: ReturnType<typeof createSqliteStore>;

  beforeEach(async () => {
    fixture = tempSqliteStore();
    store = await fixture.open();
    store.raw.exec('create table note (id integer primary key, body text not null)');
    const insert = store.raw.prepare('insert into note (id, body) values (?, ?)');
    store.raw.transaction(() => {
      for (let i = 0; i < 400; i++) insert.run(i, 'a'.repeat(1000));
    })();
  });
  afterEach(async () => fixture.dispose());

  it('keeps a large unit journal in memory, and a rolled-back unit leaves its group-mates committed', async () => {
    const before = openTempFiles();
    let duringUnit: string[] = [];
    const failing = store.db
      .transaction()
      .execute(async (trx) => {
        // About 100 pages of existing rows, each journaled before its first change.
        await sql`update note set body = ${'b'.repeat(1000)}`.execute(trx);
        duringUnit = openTempFiles();
        throw new Error('changed my mind');
      })
      .catch((error: Error) => error.message);
    const committed = store.db.transaction().execute(async (trx) => {
      await sql`insert into note (id, body) values (1000, 'kept')`.execute(trx);
    });
    expect(await failing).toBe('changed my mind');
    await committed;

    expect(duringUnit.filter((file) => !before.includes(file))).toEqual([]);
    const rows = store.raw.prepare("select count(*) n from note where body like 'b%'").get() as { n: number };
    expect(rows.n).toBe(0);
    expect(store.raw.prepare('select body from note where id = 1000').get()).toEqual({ body: 'kept' });
    expect(store.raw.pragma('temp_store', { simple: true })).toBe(2);
  });
});
