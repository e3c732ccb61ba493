// Identity ids (one per provider and subject, as Cognito's identity pool keeps them) and issued credentials.
import type { Kysely, Migration } from 'kysely';

export const identitiesAndCredentials: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before any typed schema exists
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('identity_identities')
      .addColumn('identity_id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('provider', 'varchar(200)', (c) => c.notNull())
      .addColumn('subject', 'varchar(255)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('identity_identities_provider_subject', ['provider', 'subject'])
      .execute();
    await db.schema
      .createTable('identity_credentials')
      .addColumn('access_key_id', 'varchar(32)', (c) => c.primaryKey())
      .addColumn('secret_sealed', 'text', (c) => c.notNull())
      .addColumn('identity_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('user_id', 'varchar(255)', (c) => c.notNull())
      .addColumn('role', 'varchar(64)', (c) => c.notNull())
      .addColumn('roles', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('identity_credentials_expires_at')
      .on('identity_credentials')
      .column('expires_at')
      .execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before any typed schema exists
  async down(db: Kysely<any>) {
    await db.schema.dropTable('identity_credentials').execute();
    await db.schema.dropTable('identity_identities').execute();
  },
};
