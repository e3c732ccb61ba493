// Per-day request counts of each API key (written in batches by the usage recorder) and its last use.
import type { Kysely, Migration } from 'kysely';

export const apiKeyUsage: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before any typed schema exists
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('identity_api_key_usage')
      .addColumn('key_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('day', 'varchar(10)', (c) => c.notNull())
      .addColumn('requests', 'bigint', (c) => c.notNull())
      .addColumn('throttled', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('identity_api_key_usage_pk', ['key_id', 'day'])
      .execute();
    await db.schema.alterTable('identity_api_keys').addColumn('last_used_at', 'bigint').execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before any typed schema exists
  async down(db: Kysely<any>) {
    await db.schema.alterTable('identity_api_keys').dropColumn('last_used_at').execute();
    await db.schema.dropTable('identity_api_key_usage').execute();
  },
};
