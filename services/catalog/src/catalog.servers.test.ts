// Runs the catalog suites against PostgreSQL (DATABASE_URL), each store in a throwaway schema.
import { randomBytes } from 'node:crypto';
import type { ServiceMigrations, SqlStore } from '@concierge/platform';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { describe } from 'vitest';
import { bookingSuite } from './testing/booking.suite.js';
import { productListingSuite } from './testing/product-listing.suite.js';
import { productWritesSuite } from './testing/product-writes.suite.js';
import { restaurantListingSuite } from './testing/restaurant-listing.suite.js';
import { restaurantWritesSuite } from './testing/restaurant-writes.suite.js';
import { seedSuite } from './testing/seed.suite.js';

const url = process.env.DATABASE_URL;

// Kept minimal and local: the platform's PostgreSQL adapter is being written in parallel.
async function postgres(databaseUrl: string) {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const pool = new pg.Pool({ connectionString: databaseUrl, options: `-c search_path=${schema}`, max: 4 });
  // biome-ignore lint/suspicious/noExplicitAny: as in the SqlStore port
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  const store: SqlStore = {
    dialect: 'postgres',
    db,
    async migrate(set: ServiceMigrations) {
      const migrator = new Migrator({
        db,
        provider: { getMigrations: async () => set.migrations },
        migrationTableName: `${set.service}_migration`,
        migrationLockTableName: `${set.service}_migration_lock`,
        // Without it Kysely looks for its tables in every schema, and finds those of a concurrent run.
        migrationTableSchema: schema,
      });
      const { error, results } = await migrator.migrateToLatest();
      if (error) throw error;
      return { service: set.service, applied: (results ?? []).map((r) => r.migrationName) };
    },
    check: async () => void (await sql`select 1`.execute(db)),
    close: () => db.destroy(),
  };
  const close = async () => {
    await db.destroy();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  };
  return { store, close };
}

describe.skipIf(!url)('catalog on PostgreSQL', () => {
  const factory = () => postgres(url!);
  productWritesSuite(factory);
  productListingSuite(factory);
  restaurantWritesSuite(factory);
  restaurantListingSuite(factory);
  seedSuite(factory);
  bookingSuite(factory);
});
