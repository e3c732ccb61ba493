// Throwaway SQL stores for tests: a temporary SQLite file, or a private PostgreSQL schema per run.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { SqlStore } from '../ports/sql-store.js';
import { createPostgresStore } from '../store/postgres-store.js';
import { createSqliteStore } from '../store/sqlite-store.js';

/** A database that can be opened several times (to test concurrent instances) and is removed by `dispose`. */
export interface StoreFixture<S extends SqlStore = SqlStore> {
  open(): Promise<S>;
  dispose(): Promise<void>;
}

/** A SQLite file in the OS temp folder; `dispose` closes every opened store and deletes the file. */
export function tempSqliteStore(): StoreFixture<ReturnType<typeof createSqliteStore>> & { file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-sqlite-'));
  const file = path.join(dir, 'test.db');
  const opened: SqlStore[] = [];
  return {
    file,
    async open() {
      const store = createSqliteStore({ file });
      opened.push(store);
      return store;
    },
    async dispose() {
      await Promise.allSettled(opened.map((s) => s.close()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh `t_<random>` schema in the database at `url`; `dispose` drops it with everything in it. */
export async function pgTestStore(
  url: string,
): Promise<StoreFixture<ReturnType<typeof createPostgresStore>>> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create schema ${schema}`);
  const opened: SqlStore[] = [];
  return {
    async open() {
      const store = createPostgresStore({ connectionString: url, schema, poolSize: 4 });
      opened.push(store);
      return store;
    },
    async dispose() {
      await Promise.allSettled(opened.map((s) => s.close()));
      await admin(`drop schema ${schema} cascade`);
    },
  };
}
