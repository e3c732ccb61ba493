// API keys: the hash of the value (unique, the lookup path), its visible prefix, owner, plan and revocation.
import type { Kysely, Migration } from 'kysely';

export const apiKeys: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before any typed schema exists
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('identity_api_keys')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('user_id', 'varchar(255)', (c) => c.notNull())
      .addColumn('name', 'varchar(64)', (c) => c.notNull())
      .addColumn('prefix', 'varchar(16)', (c) => c.notNull())
      .addColumn('value_hash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('plan', 'varchar(32)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('identity_api_keys_user')
      .on('identity_api_keys')
      .columns(['user_id', 'id'])
      .execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before any typed schema exists
  async down(db: Kysely<any>) {
    await db.schema.dropTable('identity_api_keys').execute();
  },
};
