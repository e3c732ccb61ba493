// Group commit: writes of one event-loop turn share a commit, and no caller hears "done" before it.
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteQueue } from '../queue/sqlite-queue.js';
import { tempSqliteStore } from '../testing/index.js';
import { createSqliteStore, type SqliteStore } from './sqlite-store.js';

describe('SQLite group commit', () => {
  let temp: ReturnType<typeof tempSqliteStore>;
  let store: SqliteStore;
  /** A second connection, as another process would have: it sees committed rows only. */
  let other: Database.Database;
  const committedNames = () =>
    (other.prepare('select name from item order by name').all() as { name: string }[]).map((r) => r.name);

  beforeEach(async () => {
    temp = tempSqliteStore();
    // A group stays open for the whole turn here, however slow the machine (the default closes it at 10 ms).
    store = createSqliteStore({ file: temp.file, groupCommit: { maxOpenMs: 60_000 } });
    await sql`create table item (name text primary key)`.execute(store.db);
    other = new Database(temp.file, { readonly: true });
  });
  afterEach(async () => {
    other.close();
    await store.close();
    await temp.dispose();
  });

  const insert = (name: string) => store.db.insertInto('item').values({ name }).execute();

  it('answers every write of one turn after a single commit that holds them all', async () => {
    const before = { ...store.groupCommit.stats };
    const writes = Array.from({ length: 20 }, (_, i) => insert(`n${String(i).padStart(2, '0')}`));
    // Issued but not committed yet: another connection sees none of them.
    expect(committedNames()).toEqual([]);
    const seenWhenAnswered: number[] = [];
    await Promise.all(writes.map((w) => w.then(() => seenWhenAnswered.push(committedNames().length))));
    expect(seenWhenAnswered.every((n) => n === 20)).toBe(true);
    const after = store.groupCommit.stats;
    expect(after.commits - before.commits).toBe(1);
    expect(after.units - before.units).toBe(20);
  });

  it('fails a bad statement alone and commits the rest of its group', async () => {
    await insert('taken');
    const results = await Promise.allSettled([insert('a'), insert('taken'), insert('b')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(committedNames()).toEqual(['a', 'b', 'taken']);
  });

  it('rolls back a failed transaction without touching the writes of other callers', async () => {
    const failed = store.db.transaction().execute(async (trx) => {
      await trx.insertInto('item').values({ name: 'in-tx' }).execute();
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('changed my mind');
    });
    // Issued while the transaction is open: it waits, and the rollback does not take it along.
    const outside = insert('outside');
    await expect(failed).rejects.toThrow('changed my mind');
    await outside;
    expect(committedNames()).toEqual(['outside']);
  });

  it('commits a transaction together with the writes around it, each answered once durable', async () => {
    const tx = store.db.transaction().execute(async (trx) => {
      await trx.insertInto('item').values({ name: 't1' }).execute();
      await trx.insertInto('item').values({ name: 't2' }).execute();
    });
    const plain = insert('p');
    await tx;
    expect(committedNames()).toEqual(['p', 't1', 't2']);
    await plain;
  });

  it('holds back a read that saw uncommitted writes until they are committed', async () => {
    const write = insert('x');
    const read = store.db
      .selectFrom('item')
      .select('name')
      .execute()
      .then((rows) => ({ rows: rows.map((r) => r.name), committedThen: committedNames() }));
    const { rows, committedThen } = await read;
    expect(rows).toEqual(['x']);
    expect(committedThen).toEqual(['x']);
    await write;
  });

  it('fails every write of a group whose commit fails, and keeps none of them', async () => {
    await sql`create table parent (id integer primary key)`.execute(store.db);
    await sql`create table child (id integer primary key, parent integer references parent(id) deferrable initially deferred)`.execute(
      store.db,
    );
    // A deferred foreign key is only checked at COMMIT: the whole group is refused there.
    const results = await Promise.allSettled([
      insert('innocent'),
      store.db.insertInto('child').values({ id: 1, parent: 99 }).execute(),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(committedNames()).toEqual([]);
    // The store keeps working afterwards.
    await insert('after');
    expect(committedNames()).toEqual(['after']);
  });

  it('answers a queue send made inside an open group only once the group is committed', async () => {
    const queue = createSqliteQueue({ database: store });
    const write = insert('with-message');
    // Let the insert reach the database (a few microtasks) so that a group is open, not yet committed.
    while (!store.raw.inTransaction) await Promise.resolve();
    expect(committedNames()).toEqual([]);
    const sent = await queue.send('jobs', { n: 1 });
    const visible = other
      .prepare('select count(*) as n from platform_queue_message where id = ?')
      .get(sent) as {
      n: number;
    };
    expect(visible.n).toBe(1);
    expect(committedNames()).toEqual(['with-message']);
    await write;
    await queue.close();
  });

  it('keeps a queue send made during another caller transaction out of it: its rollback leaves the message', async () => {
    const queue = createSqliteQueue({ database: store });
    let sent: Promise<string> | undefined;
    const failed = store.db.transaction().execute(async (trx) => {
      await trx.insertInto('item').values({ name: 'undone' }).execute();
      // The transaction holds the connection across this await: the send waits for it to end.
      sent = queue.send('jobs', { n: 1 }, { id: 'kept' });
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error('changed my mind');
    });
    await expect(failed).rejects.toThrow('changed my mind');
    await sent;
    const kept = other
      .prepare('select count(*) as n from platform_queue_message where id = ?')
      .get('kept') as {
      n: number;
    };
    expect(kept.n).toBe(1);
    expect(committedNames()).toEqual([]);
    await queue.close();
  });

  it('commits the queue sends of one turn together', async () => {
    const queue = createSqliteQueue({ database: store });
    const before = store.groupCommit.stats.commits;
    await Promise.all(Array.from({ length: 20 }, (_, i) => queue.send('jobs', { i })));
    expect(store.groupCommit.stats.commits - before).toBe(1);
    expect((other.prepare('select count(*) as n from platform_queue_message').get() as { n: number }).n).toBe(
      20,
    );
    await queue.close();
  });
});
