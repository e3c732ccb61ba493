// Consecutive sign-in failures per e-mail address, known or not, and the lock they earned.
import type { Kysely } from 'kysely';
import type { IdentityDatabase, SignInFailureRow } from './identity.schema.js';

export class SignInFailureRepository {
  constructor(private readonly db: Kysely<IdentityDatabase>) {}

  async find(email: string): Promise<SignInFailureRow | undefined> {
    return this.db
      .selectFrom('identity_sign_in_failure')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirst();
  }

  /** Counts one more failure atomically and answers the new count. */
  async increment(email: string): Promise<number> {
    await this.db
      .insertInto('identity_sign_in_failure')
      .values({ email, failures: 1, locked_until: null })
      .onConflict((c) =>
        c
          .column('email')
          .doUpdateSet((eb) => ({ failures: eb('identity_sign_in_failure.failures', '+', 1) })),
      )
      .execute();
    return (await this.find(email))?.failures ?? 1;
  }

  async lockUntil(email: string, until: string): Promise<void> {
    await this.db
      .updateTable('identity_sign_in_failure')
      .set({ locked_until: until })
      .where('email', '=', email)
      .execute();
  }

  async clear(email: string): Promise<void> {
    await this.db.deleteFrom('identity_sign_in_failure').where('email', '=', email).execute();
  }
}
