// Distributed SQL store: PostgreSQL through a bounded `pg` pool and Kysely, one schema per deployment.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from '../logging/logger.js';
import type { ServiceMigrations, SqlStore } from '../ports/sql-store.js';
import { migrateService } from './migrate.js';

export interface PostgresStoreOptions {
  connectionString: string;
  /** Schema used as `search_path` and for migration history; created by migrations if absent. */
  schema?: string;
  poolSize?: number;
  /** How long to wait for a pooled connection (new or free) before failing. */
  connectionTimeoutMs?: number;
  /** Server-side limit per statement; the client also gives up after this long. */
  statementTimeoutMs?: number;
  idleTimeoutMs?: number;
  /** Receives errors of idle pooled connections (a restarted server), which would otherwise crash. */
  logger?: Pick<Logger, 'warn'>;
}

/**
 * Opens a pooled PostgreSQL store; nothing connects until the first query.
 * @example const store = createPostgresStore({ connectionString: 'postgres://app@db/concierge', schema: 'catalog' });
 */
export function createPostgresStore(options: PostgresStoreOptions): SqlStore & { pool: pg.Pool } {
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const statementTimeoutMs = options.statementTimeoutMs ?? 30_000;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: options.idleTimeoutMs ?? 30_000,
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + 1_000,
    options: `-c search_path=${schema}`,
  });
  pool.on('error', (error) => options.logger?.warn({ err: error }, 'idle postgres connection failed'));
  // biome-ignore lint/suspicious/noExplicitAny: services narrow the schema type
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  return {
    dialect: 'postgres',
    db,
    pool,
    migrate: (set: ServiceMigrations) => migrateService(db, set, { schema }),
    async check() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}
