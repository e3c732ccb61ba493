// Embedded SQL store: one SQLite file in WAL mode through better-sqlite3 12 and Kysely.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, sql } from 'kysely';
import type { ServiceMigrations, SqlStore } from '../ports/sql-store.js';
import { GroupCommitDriver, type GroupCommitOptions } from './group-commit-driver.js';
import { migrateService } from './migrate.js';
import { serialized } from './serialized.js';

export interface SqliteStoreOptions {
  /** A file path, or `:memory:` for a private in-memory database. */
  file: string;
  /** Milliseconds a writer waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
  /** Limits of a commit group (see group-commit-driver.ts and decision 0010). */
  groupCommit?: GroupCommitOptions;
}

export interface SqliteStore extends SqlStore {
  raw: Database.Database;
  groupCommit: GroupCommitDriver;
}

/** Opens (creating folders as needed) the SQLite database and tunes it for a service workload. */
export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  if (options.file !== ':memory:')
    fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
  const raw = new Database(options.file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  // Each unit of a commit group is a savepoint, whose statement journal (the pages it changes, kept so that
  // ROLLBACK TO can restore them) SQLite spills to a temporary file past 64 KiB by default: under load that
  // was two write calls per page, more than the WAL itself (126 write calls and 280 KiB written per order in
  // the checkout pipeline, against 39 and 88 KiB with the journal in memory). Temporary tables and sort
  // space are in memory too; both are bounded by one group's work.
  raw.pragma('temp_store = MEMORY');
  raw.pragma('foreign_keys = ON');
  raw.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  const driver = new GroupCommitDriver(raw, options.groupCommit);
  // biome-ignore lint/suspicious/noExplicitAny: services narrow the schema type
  const db = new Kysely<any>({
    dialect: {
      createDriver: () => driver,
      createAdapter: () => new SqliteAdapter(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
  const migrationKey = options.file === ':memory:' ? randomUUID() : path.resolve(options.file);
  // One write transaction around the whole run: other processes wait on the file lock (busy timeout),
  // other stores of this process wait on `serialized` (a blocked synchronous BEGIN would starve the
  // holder), and a failing migration rolls back every migration of the run.
  const migrate = (set: ServiceMigrations) =>
    serialized(migrationKey, async () => {
      // Taken with the connection to itself, so no unit of work is half done and no group is open.
      await driver.exclusive(() => raw.exec('BEGIN IMMEDIATE'));
      try {
        const report = await migrateService(db, set);
        await driver.exclusive(() => raw.exec('COMMIT'));
        return report;
      } catch (error) {
        await driver.exclusive(() => raw.inTransaction && raw.exec('ROLLBACK'));
        throw error;
      }
    });
  return {
    dialect: 'sqlite',
    db,
    raw,
    groupCommit: driver,
    migrate,
    async check() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}
