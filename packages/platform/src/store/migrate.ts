// Runs one service's migrations with Kysely's Migrator, keeping a history table per service.
import { type Kysely, type MigrationProvider, Migrator } from 'kysely';
import type { MigrationReport, ServiceMigrations } from '../ports/sql-store.js';

export interface MigrateOptions {
  /** Schema holding the history tables; without it Kysely matches same-named tables in any schema. */
  schema?: string;
}

export async function migrateService(
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before any typed schema exists
  db: Kysely<any>,
  set: ServiceMigrations,
  options: MigrateOptions = {},
): Promise<MigrationReport> {
  if (!/^[a-z][a-z0-9_]*$/.test(set.service))
    throw new Error(`invalid service name for migrations: ${set.service}`);
  const provider: MigrationProvider = { getMigrations: async () => set.migrations };
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: `${set.service}_migration`,
    migrationLockTableName: `${set.service}_migration_lock`,
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `migration ${set.service}/${failed} failed: ${String((error as Error).message ?? error)}`,
      {
        cause: error,
      },
    );
  }
  return { service: set.service, applied: (results ?? []).map((r) => r.migrationName) };
}
