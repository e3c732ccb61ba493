// Group commit in the SQLite store: concurrent units share commits, yet each keeps its own outcome, and
// nobody hears "done" before another connection can read the data.
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempSqliteStore } from '../testing/index.js';
import type { createSqliteStore } from './sqlite-store.js';

let fixture: ReturnType<typeof tempSqliteStore>;
let store: ReturnType<typeof createSqliteStore>;
let reader: Database.Database;

beforeEach(async () => {
  fixture = tempSqliteStore();
  store = await fixture.open();
  await store.migrate({
    service: 'gc',
    migrations: {
      '0001_item': {
        async up(db) {
          await db.schema
            .createTable('gc_item')
            .addColumn('id', 'text', (c) => c.primaryKey())
            .addColumn('n', 'integer', (c) => c.notNull().check(sql`n >= 0`))
            .execute();
        },
      },
    },
  });
  reader = new Database(fixture.file, { readonly: true });
});
afterEach(async () => {
  reader.close();
  await fixture.dispose();
});

const committed = (id: string) =>
  reader.prepare('select n from gc_item where id = ?').get(id) as { n: number } | undefined;

it('commits concurrent transactions together, and each resolves only once its rows are committed', async () => {
  const before = { ...store.groupCommit.stats };
  const ids = Array.from({ length: 50 }, (_, i) => `item-${i}`);
  await Promise.all(
    ids.map(async (id) => {
      await store.db.transaction().execute(async (trx) => {
        await trx.insertInto('gc_item').values({ id, n: 1 }).execute();
        await trx.updateTable('gc_item').set({ n: 2 }).where('id', '=', id).execute();
      });
      // Another connection sees it the moment the caller is told.
      expect(committed(id)).toEqual({ n: 2 });
    }),
  );
  const commits = store.groupCommit.stats.commits - before.commits;
  expect(commits).toBeGreaterThanOrEqual(1);
  expect(commits).toBeLessThan(ids.length);
});

it('rolls back only the transaction that throws; the others of its group commit', async () => {
  const outcomes = await Promise.allSettled(
    ['a', 'b', 'c', 'd'].map((id) =>
      store.db.transaction().execute(async (trx) => {
        await trx.insertInto('gc_item').values({ id, n: 1 }).execute();
        if (id === 'b') throw new Error('b fails');
        // A constraint violation inside the transaction, caught by the caller, leaves the rest intact.
        if (id === 'c')
          await trx
            .insertInto('gc_item')
            .values({ id: 'c-bad', n: -1 })
            .execute()
            .catch(() => undefined);
      }),
    ),
  );
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
  expect(committed('a')).toEqual({ n: 1 });
  expect(committed('b')).toBeUndefined();
  expect(committed('c')).toEqual({ n: 1 });
  expect(committed('c-bad')).toBeUndefined();
  expect(committed('d')).toEqual({ n: 1 });
});

it('fails a single statement alone: a duplicate key beside good writes', async () => {
  await store.db.insertInto('gc_item').values({ id: 'taken', n: 1 }).execute();
  const outcomes = await Promise.allSettled([
    store.db.insertInto('gc_item').values({ id: 'x', n: 1 }).execute(),
    store.db.insertInto('gc_item').values({ id: 'taken', n: 9 }).execute(),
    store.db.insertInto('gc_item').values({ id: 'y', n: 1 }).execute(),
  ]);
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect([committed('x'), committed('taken'), committed('y')]).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
});

it('answers a read taken while a group is open only after that group commits', async () => {
  const write = store.db.insertInto('gc_item').values({ id: 'w', n: 5 }).execute();
  const read = store.db.selectFrom('gc_item').select('n').where('id', '=', 'w').executeTakeFirst();
  const row = await read;
  expect(row).toEqual({ n: 5 });
  expect(committed('w')).toEqual({ n: 5 });
  await write;
});

it('keeps transactions apart: a unit never sees another half done', async () => {
  await store.db.insertInto('gc_item').values({ id: 'counter', n: 0 }).execute();
  await Promise.all(
    Array.from({ length: 20 }, () =>
      store.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('gc_item')
          .select('n')
          .where('id', '=', 'counter')
          .executeTakeFirstOrThrow();
        await Promise.resolve();
        await trx
          .updateTable('gc_item')
          .set({ n: row.n + 1 })
          .where('id', '=', 'counter')
          .execute();
      }),
    ),
  );
  expect(committed('counter')).toEqual({ n: 20 });
});

it('commits what is pending when the store closes', async () => {
  const pending = store.db.insertInto('gc_item').values({ id: 'late', n: 1 }).execute();
  // Microtasks only: the write reaches its group, which commits no earlier than the next macrotask.
  while (!store.raw.inTransaction) await Promise.resolve();
  await store.close();
  await pending;
  expect(committed('late')).toEqual({ n: 1 });
});
