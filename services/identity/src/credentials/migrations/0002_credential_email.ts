// The verified e-mail of whoever the credentials were issued to, so signed callers reach services with it
// (an order's confirmation goes there when the checkout names no contact).
import type { Kysely, Migration } from 'kysely';

export const credentialEmail: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before any typed schema exists
  async up(db: Kysely<any>) {
    await db.schema.alterTable('identity_credentials').addColumn('email', 'varchar(254)').execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before any typed schema exists
  async down(db: Kysely<any>) {
    await db.schema.alterTable('identity_credentials').dropColumn('email').execute();
  },
};
