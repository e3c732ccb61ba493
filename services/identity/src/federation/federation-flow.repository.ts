// Pending outside sign-ins by `state`: what the callback needs to finish one, usable once.
import type { Kysely } from 'kysely';
import type { FederationFlowRow, IdentityDatabase } from '../accounts/identity.schema.js';

export class FederationFlowRepository {
  constructor(private readonly db: Kysely<IdentityDatabase>) {}

  async save(row: FederationFlowRow): Promise<void> {
    await this.db.insertInto('identity_federation_flow').values(row).execute();
  }

  /** Reads and deletes the flow; a second callback with the same state finds nothing. */
  async take(state: string): Promise<FederationFlowRow | undefined> {
    const row = await this.db
      .selectFrom('identity_federation_flow')
      .selectAll()
      .where('state', '=', state)
      .executeTakeFirst();
    if (!row) return undefined;
    const deleted = await this.db
      .deleteFrom('identity_federation_flow')
      .where('state', '=', state)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows) === 1 ? row : undefined;
  }

  async purgeExpired(now: string): Promise<void> {
    await this.db.deleteFrom('identity_federation_flow').where('expires_at', '<=', now).execute();
  }
}
