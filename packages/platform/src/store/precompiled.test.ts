// Precompiled queries: compiled once with markers, then each call binds its own values in the right places.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempSqliteStore } from '../testing/index.js';
import { precompile } from './precompiled.js';
import type { createSqliteStore } from './sqlite-store.js';

let fixture: ReturnType<typeof tempSqliteStore>;
let store: ReturnType<typeof createSqliteStore>;

beforeEach(async () => {
  fixture = tempSqliteStore();
  store = await fixture.open();
  await store.db.schema
    .createTable('pc_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text')
    .addColumn('n', 'integer')
    .execute();
});
afterEach(() => fixture.dispose());

it('binds each call’s values where the markers were, and keeps constants', async () => {
  const insert = precompile(['id', 'n'], (p) =>
    store.db.insertInto('pc_item').values({ id: p.id, kind: 'fixed', n: p.n }),
  );
  // A value used twice binds twice.
  const between = precompile(['low', 'high'], (p) =>
    store.db
      .selectFrom('pc_item')
      .select('id')
      .where('n', '>=', p.low)
      .where('n', '<=', p.high)
      .where('n', '<>', p.low)
      .orderBy('id'),
  );
  for (const [id, n] of [
    ['a', 1],
    ['b', 2],
    ['c', 3],
  ] as const)
    await store.db.executeQuery(insert({ id, n }));
  const rows = await store.db.selectFrom('pc_item').selectAll().orderBy('id').execute();
  expect(rows).toEqual([
    { id: 'a', kind: 'fixed', n: 1 },
    { id: 'b', kind: 'fixed', n: 2 },
    { id: 'c', kind: 'fixed', n: 3 },
  ]);
  expect((await store.db.executeQuery(between({ low: 1, high: 2 }))).rows).toEqual([{ id: 'b' }]);
  expect((await store.db.executeQuery(between({ low: 2, high: 3 }))).rows).toEqual([{ id: 'c' }]);
});

it('refuses a name the query does not use', () => {
  expect(() =>
    precompile(['id', 'unused'], (p) => store.db.selectFrom('pc_item').selectAll().where('id', '=', p.id)),
  ).toThrow(/unused not in/);
});
