// Embedded SQL store: one SQLite file in WAL mode through better-sqlite3 12 and Kysely.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { ServiceMigrations, SqlStore } from '../ports/sql-store.js';
import { migrateService } from './migrate.js';

export interface SqliteStoreOptions {
  /** A file path, or `:memory:` for a private in-memory database. */
  file: string;
  /** Milliseconds a writer waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
}

/** Opens (creating folders as needed) the SQLite database and tunes it for a service workload. */
export function createSqliteStore(options: SqliteStoreOptions): SqlStore & { raw: Database.Database } {
  if (options.file !== ':memory:')
    fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
  const raw = new Database(options.file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  // biome-ignore lint/suspicious/noExplicitAny: services narrow the schema type
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
  return {
    dialect: 'sqlite',
    db,
    raw,
    migrate: (set: ServiceMigrations) => migrateService(db, set),
    async check() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}
