// Contract every SqlStore adapter must pass: per-service migrations, atomic failures, transactions.
import { type Migration, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlStore } from '../ports/sql-store.js';
import type { StoreFixture } from './temp-stores.js';

const createTable = (table: string): Migration => ({
  async up(db) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .execute();
  },
});

const logStep = (step: string): Migration => ({
  async up(db) {
    await db.insertInto('step_log').values({ step }).execute();
  },
});

const stepLog: Migration = {
  async up(db) {
    await db.schema.createTable('step_log').addColumn('step', 'varchar(50)').execute();
  },
};

async function tableExists(store: SqlStore, table: string): Promise<boolean> {
  try {
    await sql`select count(*) from ${sql.table(table)}`.execute(store.db);
    return true;
  } catch {
    return false;
  }
}

/** Registers the SqlStore contract; `makeFixture` gives a fresh, empty database per test. */
export function sqlStoreContract(name: string, makeFixture: () => Promise<StoreFixture>): void {
  describe(`SqlStore contract: ${name}`, () => {
    let fixture: StoreFixture;
    let store: SqlStore;

    beforeEach(async () => {
      fixture = await makeFixture();
      store = await fixture.open();
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it('applies pending migrations once, in name order, and a rerun is a no-op', async () => {
      const set = {
        service: 'orders',
        migrations: { '0003_c': logStep('c'), '0001_log': stepLog, '0002_a': logStep('a') },
      };
      expect(await store.migrate(set)).toEqual({
        service: 'orders',
        applied: ['0001_log', '0002_a', '0003_c'],
      });
      expect(await store.migrate(set)).toEqual({ service: 'orders', applied: [] });
      const rows = await store.db.selectFrom('step_log').select('step').execute();
      expect(rows.map((r) => r.step)).toEqual(['a', 'c']);
    });

    it('keeps an independent history per service', async () => {
      await store.migrate({ service: 'catalog', migrations: { '0001_init': createTable('catalog_item') } });
      const orders = await store.migrate({
        service: 'orders',
        migrations: { '0001_init': createTable('orders') },
      });
      expect(orders.applied).toEqual(['0001_init']);
      const next = await store.migrate({
        service: 'catalog',
        migrations: { '0001_init': createTable('catalog_item'), '0002_more': createTable('catalog_more') },
      });
      expect(next.applied).toEqual(['0002_more']);
    });

    it('names a failing migration and leaves none of its run applied', async () => {
      const broken: Migration = {
        async up(db) {
          await createTable('half_done').up(db);
          throw new Error('boom');
        },
      };
      const failing = {
        service: 'billing',
        migrations: { '0001_ok': createTable('ok_table'), '0002_broken': broken },
      };
      await expect(store.migrate(failing)).rejects.toThrow(/billing\/0002_broken.*boom/);
      expect(await tableExists(store, 'half_done')).toBe(false);
      expect(await tableExists(store, 'ok_table')).toBe(false);
      const fixed = {
        service: 'billing',
        migrations: { ...failing.migrations, '0002_broken': createTable('half_done') },
      };
      expect((await store.migrate(fixed)).applied).toEqual(['0001_ok', '0002_broken']);
    });

    it('commits a transaction that resolves and rolls back one that throws', async () => {
      await store.migrate({ service: 'tx', migrations: { '0001_log': stepLog } });
      await store.db.transaction().execute(async (trx) => {
        await trx.insertInto('step_log').values({ step: 'kept' }).execute();
      });
      await expect(
        store.db.transaction().execute(async (trx) => {
          await trx.insertInto('step_log').values({ step: 'lost' }).execute();
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      const rows = await store.db.selectFrom('step_log').select('step').execute();
      expect(rows.map((r) => r.step)).toEqual(['kept']);
    });

    it('check() resolves while open and rejects once closed', async () => {
      await expect(store.check()).resolves.toBeUndefined();
      await store.close();
      await expect(store.check()).rejects.toThrow();
    });

    it('lets two store instances migrate the same database concurrently', async () => {
      const other = await fixture.open();
      const set = {
        service: 'race',
        migrations: { '0001_log': stepLog, '0002_a': logStep('a'), '0003_t': createTable('race_t') },
      };
      const reports = await Promise.all([store.migrate(set), other.migrate(set), store.migrate(set)]);
      expect(reports.flatMap((r) => r.applied).sort()).toEqual(['0001_log', '0002_a', '0003_t']);
      const rows = await other.db.selectFrom('step_log').select('step').execute();
      expect(rows).toHaveLength(1);
    });
  });
}
