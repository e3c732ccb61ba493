// One pending code per account and purpose (verify the e-mail, reset the password); a new one replaces the old.
import type { Kysely } from 'kysely';
import type { CodeRow, IdentityDatabase } from './identity.schema.js';

export type CodePurpose = CodeRow['purpose'];

export class CodeRepository {
  constructor(private readonly db: Kysely<IdentityDatabase>) {}

  async replace(row: CodeRow): Promise<void> {
    await this.db
      .insertInto('identity_code')
      .values(row)
      .onConflict((c) =>
        c.columns(['account_id', 'purpose']).doUpdateSet({
          code_hash: row.code_hash,
          expires_at: row.expires_at,
          attempts: 0,
        }),
      )
      .execute();
  }

  async find(accountId: string, purpose: CodePurpose): Promise<CodeRow | undefined> {
    return this.db
      .selectFrom('identity_code')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('purpose', '=', purpose)
      .executeTakeFirst();
  }

  async countAttempt(accountId: string, purpose: CodePurpose): Promise<void> {
    await this.db
      .updateTable('identity_code')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('account_id', '=', accountId)
      .where('purpose', '=', purpose)
      .execute();
  }

  async delete(accountId: string, purpose: CodePurpose): Promise<void> {
    await this.db
      .deleteFrom('identity_code')
      .where('account_id', '=', accountId)
      .where('purpose', '=', purpose)
      .execute();
  }
}
