// Refresh tokens stored by hash, grouped in families: every rotation stays in the family of the first sign-in.
import type { Kysely } from 'kysely';
import type { IdentityDatabase, RefreshTokenRow } from './identity.schema.js';

export class RefreshTokenRepository {
  constructor(private readonly db: Kysely<IdentityDatabase>) {}

  async insert(row: RefreshTokenRow): Promise<void> {
    await this.db.insertInto('identity_refresh_token').values(row).execute();
  }

  async find(id: string): Promise<RefreshTokenRow | undefined> {
    return this.db.selectFrom('identity_refresh_token').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Revokes one token unless already revoked; false tells the caller another request won the race. */
  async revoke(id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('identity_refresh_token')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async revokeFamily(familyId: string, at: string): Promise<void> {
    await this.db
      .updateTable('identity_refresh_token')
      .set({ revoked_at: at })
      .where('family_id', '=', familyId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async revokeAccount(accountId: string, at: string): Promise<void> {
    await this.db
      .updateTable('identity_refresh_token')
      .set({ revoked_at: at })
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null)
      .execute();
  }
}
