// SQL store port: a Kysely instance plus per-service versioned migrations and a readiness check.
import type { Kysely, Migration } from 'kysely';

export type SqlDialectName = 'sqlite' | 'postgres';

/**
 * A service's migrations, keyed by a sortable name ("0001_products"). Each service keeps its own
 * migration history table, so services migrate independently in a shared database.
 */
export interface ServiceMigrations {
  service: string;
  migrations: Record<string, Migration>;
}

export interface MigrationReport {
  service: string;
  applied: string[];
}

export interface SqlStore {
  readonly dialect: SqlDialectName;
  // biome-ignore lint/suspicious/noExplicitAny: each service narrows this to its own table types
  readonly db: Kysely<any>;
  /** Applies pending migrations in name order; safe to call concurrently from several processes. */
  migrate(set: ServiceMigrations): Promise<MigrationReport>;
  /** Throws when the database cannot answer a trivial query (used by `/readyz`). */
  check(): Promise<void>;
  close(): Promise<void>;
}
