// Versioned migrations of the identity tables; plain column types so they run on SQLite and PostgreSQL.
import type { ServiceMigrations } from '@concierge/platform';
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before any typed schema exists
type Db = Kysely<any>;

async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('identity_account')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('email_verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('password_hash', 'varchar(255)')
    .addColumn('name', 'varchar(120)')
    .addColumn('phone', 'varchar(16)')
    .addColumn('roles', 'varchar(255)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('identity_code')
    .addColumn('account_id', 'varchar(64)', (c) =>
      c.notNull().references('identity_account.id').onDelete('cascade'),
    )
    .addColumn('purpose', 'varchar(16)', (c) => c.notNull())
    .addColumn('code_hash', 'varchar(128)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('identity_code_pk', ['account_id', 'purpose'])
    .execute();
  await db.schema
    .createTable('identity_refresh_token')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('family_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('account_id', 'varchar(64)', (c) =>
      c.notNull().references('identity_account.id').onDelete('cascade'),
    )
    .addColumn('token_hash', 'varchar(128)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('identity_refresh_token_family')
    .on('identity_refresh_token')
    .column('family_id')
    .execute();
  await db.schema
    .createIndex('identity_refresh_token_account')
    .on('identity_refresh_token')
    .column('account_id')
    .execute();
  await db.schema
    .createTable('identity_sign_in_failure')
    .addColumn('email', 'varchar(254)', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'varchar(32)')
    .execute();
  await db.schema
    .createTable('identity_federated_link')
    .addColumn('provider', 'varchar(64)', (c) => c.notNull())
    .addColumn('subject', 'varchar(255)', (c) => c.notNull())
    .addColumn('account_id', 'varchar(64)', (c) =>
      c.notNull().references('identity_account.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('identity_federated_link_pk', ['provider', 'subject'])
    .execute();
  await db.schema
    .createTable('identity_federation_flow')
    .addColumn('state', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('provider', 'varchar(64)', (c) => c.notNull())
    .addColumn('nonce', 'varchar(64)', (c) => c.notNull())
    .addColumn('code_verifier', 'varchar(128)', (c) => c.notNull())
    .addColumn('browser_hash', 'varchar(128)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('identity_oidc_model')
    .addColumn('model', 'varchar(64)', (c) => c.notNull())
    .addColumn('id', 'varchar(255)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'varchar(255)')
    .addColumn('user_code', 'varchar(255)')
    .addColumn('uid', 'varchar(255)')
    .addColumn('expires_at', 'varchar(32)')
    .addColumn('consumed_at', 'varchar(32)')
    .addPrimaryKeyConstraint('identity_oidc_model_pk', ['model', 'id'])
    .execute();
  await db.schema
    .createIndex('identity_oidc_model_grant')
    .on('identity_oidc_model')
    .column('grant_id')
    .execute();
  await db.schema.createIndex('identity_oidc_model_uid').on('identity_oidc_model').column('uid').execute();
}

/** An operator can disable an account (Cognito's AdminDisableUser): it then cannot sign in or refresh. */
async function disabledAccounts(db: Db): Promise<void> {
  await db.schema.alterTable('identity_account').addColumn('disabled_at', 'varchar(32)').execute();
}

/** The identity service's migrations for `SqlStore.migrate`. */
export const identityMigrations: ServiceMigrations = {
  service: 'identity',
  migrations: { '0001_accounts': { up }, '0002_disabled_accounts': { up: disabledAccounts } },
};
