// Embedded SQL store: one SQLite file in WAL mode through better-sqlite3 12 and Kysely.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { ServiceMigrations, SqlStore } from '../ports/sql-store.js';
import { GroupCommitSqliteDialect, GroupCommitter } from './group-commit.js';
import { migrateService } from './migrate.js';
import { serialized } from './serialized.js';
import { cachingStatements } from './statement-cache.js';

export interface SqliteStoreOptions {
  /** A file path, or `:memory:` for a private in-memory database. */
  file: string;
  /** Milliseconds a writer waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
  /**
   * Writes reaching the database in the same event-loop turn share one commit (`group-commit.ts`);
   * each still resolves only once committed. On by default; off gives one commit per statement.
   */
  groupCommit?: boolean;
}

export interface SqliteStore extends SqlStore {
  raw: Database.Database;
  /** Resolves once every write made so far on this connection is committed. */
  committed(): Promise<void>;
  /** Commits made by group commit and the statements that shared them (zero when it is off). */
  commitStats(): { groups: number; statements: number };
}

/** Opens (creating folders as needed) the SQLite database and tunes it for a service workload. */
export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  if (options.file !== ':memory:')
    fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
  const raw = new Database(options.file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  const statements = cachingStatements(raw);
  const committer = options.groupCommit === false ? undefined : new GroupCommitter(raw, statements);
  // biome-ignore lint/suspicious/noExplicitAny: services narrow the schema type
  const db = new Kysely<any>({
    dialect: committer
      ? new GroupCommitSqliteDialect(committer)
      : new SqliteDialect({ database: statements }),
  });
  const migrationKey = options.file === ':memory:' ? randomUUID() : path.resolve(options.file);
  // One write transaction around the whole run: other processes wait on the file lock (busy timeout),
  // other stores of this process wait on `serialized` (a blocked synchronous BEGIN would starve the
  // holder), and a failing migration rolls back every migration of the run.
  const migrate = (set: ServiceMigrations) =>
    serialized(migrationKey, async () => {
      raw.exec('BEGIN IMMEDIATE');
      try {
        const report = await migrateService(db, set);
        raw.exec('COMMIT');
        return report;
      } catch (error) {
        if (raw.inTransaction) raw.exec('ROLLBACK');
        throw error;
      }
    });
  return {
    dialect: 'sqlite',
    db,
    raw,
    migrate,
    committed: () => committer?.committed() ?? Promise.resolve(),
    commitStats: () => ({ ...(committer?.stats ?? { groups: 0, statements: 0 }) }),
    async check() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}
