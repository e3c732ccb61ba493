// Stores oidc-provider's models (sessions, grants, codes, tokens, interactions) in the identity_oidc_model table.
import type { Kysely } from 'kysely';
import type { Adapter, AdapterConstructor, AdapterPayload } from 'oidc-provider';
import type { IdentityDatabase, OidcModelRow } from '../accounts/identity.schema.js';

type Db = Kysely<IdentityDatabase>;

function toPayload(row: OidcModelRow | undefined, now: string): AdapterPayload | undefined {
  if (!row || (row.expires_at !== null && row.expires_at <= now)) return undefined;
  const payload = JSON.parse(row.payload) as AdapterPayload;
  return row.consumed_at ? { ...payload, consumed: Math.floor(Date.parse(row.consumed_at) / 1000) } : payload;
}

/**
 * An adapter class for oidc-provider's `adapter` option over the SQL store, so sessions and codes
 * survive restarts and are shared by every gateway process (SQLite embedded, PostgreSQL distributed).
 */
export function sqlOidcAdapter(db: Db): AdapterConstructor {
  return class SqlOidcAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      const values = {
        payload: JSON.stringify(payload),
        grant_id: payload.grantId ?? null,
        user_code: payload.userCode ?? null,
        uid: payload.uid ?? null,
        expires_at: expiresIn ? new Date(Date.now() + expiresIn * 1000).toISOString() : null,
      };
      await db
        .insertInto('identity_oidc_model')
        .values({ model: this.model, id, consumed_at: null, ...values })
        .onConflict((c) => c.columns(['model', 'id']).doUpdateSet(values))
        .execute();
    }

    async find(id: string) {
      return this.findBy('id', id);
    }

    async findByUserCode(userCode: string) {
      return this.findBy('user_code', userCode);
    }

    async findByUid(uid: string) {
      return this.findBy('uid', uid);
    }

    async consume(id: string): Promise<void> {
      await db
        .updateTable('identity_oidc_model')
        .set({ consumed_at: new Date().toISOString() })
        .where('model', '=', this.model)
        .where('id', '=', id)
        .execute();
    }

    async destroy(id: string): Promise<void> {
      await db
        .deleteFrom('identity_oidc_model')
        .where('model', '=', this.model)
        .where('id', '=', id)
        .execute();
    }

    /** Every model of the grant goes: revoking a grant must kill its codes and tokens alike. */
    async revokeByGrantId(grantId: string): Promise<void> {
      await db.deleteFrom('identity_oidc_model').where('grant_id', '=', grantId).execute();
    }

    private async findBy(column: 'id' | 'user_code' | 'uid', value: string) {
      const row = await db
        .selectFrom('identity_oidc_model')
        .selectAll()
        .where('model', '=', this.model)
        .where(column, '=', value)
        .executeTakeFirst();
      return toPayload(row, new Date().toISOString());
    }
  };
}

/** Deletes expired rows; the composition root calls it now and then (oidc-provider only ignores them). */
export async function purgeExpiredOidcModels(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('identity_oidc_model')
    .where('expires_at', '<=', new Date().toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
