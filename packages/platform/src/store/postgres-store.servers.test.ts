// The PostgreSQL store against the shared contract, each test in its own schema.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { pgTestStore, sqlStoreContract } from '../testing/index.js';
import { createPostgresStore } from './postgres-store.js';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('postgres store', () => {
  sqlStoreContract('postgres', () => pgTestStore(url!));

  it('cancels a statement that runs past statementTimeoutMs', async () => {
    const store = createPostgresStore({ connectionString: url!, statementTimeoutMs: 200 });
    try {
      await expect(sql`select pg_sleep(3)`.execute(store.db)).rejects.toThrow(/statement timeout/);
      await expect(store.check()).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
