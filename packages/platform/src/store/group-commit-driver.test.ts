// Group commit in the SQLite store: concurrent units share commits, yet each keeps its own outcome, and
// nobody hears "done" before another connection can read the data.
import net from 'node:net';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempSqliteStore } from '../testing/index.js';
import { createSharedWriteLock, createWriteLockState } from './shared-write-lock.js';
import { createSqliteStore } from './sqlite-store.js';

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

it('commits a write made in the check phase before the I/O of the next turn of the event loop', async () => {
  // A socket pair: data written now is read in the next turn's poll phase.
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
  const peer = await new Promise<net.Socket>((resolve) => server.once('connection', resolve));
  await new Promise((resolve) => client.once('connect', resolve));
  try {
    const order: string[] = [];
    await new Promise<void>((done) => {
      peer.once('data', () => order.push('next I/O'));
      setImmediate(async () => {
        const write = store.db.insertInto('gc_item').values({ id: 'c', n: 1 }).execute();
        client.write('x');
        // Once the write is in its group: the rest of a busy check phase, as under load (more than the
        // millisecond the commit's timer needs).
        while (!store.raw.inTransaction) await Promise.resolve();
        const until = performance.now() + 3;
        while (performance.now() < until);
        await write;
        order.push('write answered');
        setTimeout(done, 20);
      });
    });
    expect(order).toEqual(['write answered', 'next I/O']);
    expect(committed('c')).toEqual({ n: 1 });
  } finally {
    client.destroy();
    peer.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
});

it('makes a read wait while a unit holds the connection inside its transaction, and never shows it half done', async () => {
  await store.db.insertInto('gc_item').values({ id: 'r', n: 1 }).execute();
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const unit = store.db.transaction().execute(async (trx) => {
    await trx.updateTable('gc_item').set({ n: 2 }).where('id', '=', 'r').execute();
    await held;
    await trx.updateTable('gc_item').set({ n: 3 }).where('id', '=', 'r').execute();
  });
  await new Promise((resolve) => setImmediate(resolve));
  const read = store.db.selectFrom('gc_item').select('n').where('id', '=', 'r').executeTakeFirst();
  release();
  expect(await read).toEqual({ n: 3 });
  await unit;
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

it('waits for another thread’s write lock without blocking the event loop, then commits', async () => {
  const state = createWriteLockState();
  const http = createSqliteStore({
    file: fixture.file,
    groupCommit: { writeLock: createSharedWriteLock({ state, priority: true }) },
  });
  const background = createSharedWriteLock({ state, priority: false });
  try {
    expect(background.acquire()).toBe(true);
    let settled = false;
    const insert = http.db
      .insertInto('gc_item')
      .values({ id: 'waits', n: 1 })
      .execute()
      .finally(() => {
        settled = true;
      });
    // The event loop keeps turning while the insert waits for the lock.
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setTimeout(resolve, 2));
    expect(settled).toBe(false);
    expect(committed('waits')).toBeUndefined();
    // The holder hears that a priority thread waits, and lets go.
    expect(background.contended()).toBe(true);
    background.release();
    await insert;
    expect(committed('waits')).toEqual({ n: 1 });
    expect(background.contended()).toBe(false);
  } finally {
    background.release();
    await http.close();
  }
});
