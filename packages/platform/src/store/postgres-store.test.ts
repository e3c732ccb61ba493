// Without a server: a PostgreSQL store fails fast instead of hanging when nothing answers.
import { expect, it } from 'vitest';
import { createPostgresStore } from './postgres-store.js';

it('rejects check() when the server refuses connections', async () => {
  const store = createPostgresStore({
    connectionString: 'postgres://nobody@127.0.0.1:1/none',
    connectionTimeoutMs: 500,
  });
  await expect(store.check()).rejects.toThrow();
  await store.close();
});

it('refuses a schema name that could inject SQL', () => {
  expect(() =>
    createPostgresStore({ connectionString: 'postgres://x@127.0.0.1:1/x', schema: 'a; drop' }),
  ).toThrow('invalid schema name');
});
