// API keys in SQL through Kysely; values never reach this layer, only their hashes.
import type { Kysely } from 'kysely';

export interface ApiKeyRecord {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  plan: string;
  createdAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

interface Row {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  value_hash: string;
  plan: string;
  created_at: number;
  revoked_at: number | null;
  last_used_at: number | null;
}

const toRecord = (r: Row): ApiKeyRecord => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  prefix: r.prefix,
  plan: r.plan,
  createdAt: Number(r.created_at),
  revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
  lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
});

export interface ApiKeyRepository {
  insert(record: ApiKeyRecord, valueHash: string): Promise<void>;
  byHash(valueHash: string): Promise<ApiKeyRecord | undefined>;
  /** Any user's key, for operators' tools. */
  byId(id: string): Promise<ApiKeyRecord | undefined>;
  /** The user's key, revoked or not; undefined when it is someone else's. */
  get(userId: string, id: string): Promise<ApiKeyRecord | undefined>;
  /** The user's keys, oldest first, after the id `after`. */
  list(userId: string, limit: number, after?: string): Promise<ApiKeyRecord[]>;
  /** True when the user's key existed and was not yet revoked. */
  revoke(userId: string, id: string, at: number): Promise<boolean>;
}

// biome-ignore lint/suspicious/noExplicitAny: the store's Kysely is untyped; this repository narrows it
export function apiKeyRepository(anyDb: Kysely<any>): ApiKeyRepository {
  const db = anyDb as Kysely<{ identity_api_keys: Row }>;
  return {
    async insert(r, valueHash) {
      await db
        .insertInto('identity_api_keys')
        .values({
          id: r.id,
          user_id: r.userId,
          name: r.name,
          prefix: r.prefix,
          value_hash: valueHash,
          plan: r.plan,
          created_at: r.createdAt,
          revoked_at: r.revokedAt,
          last_used_at: r.lastUsedAt,
        })
        .execute();
    },
    async byHash(valueHash) {
      const row = await db
        .selectFrom('identity_api_keys')
        .selectAll()
        .where('value_hash', '=', valueHash)
        .executeTakeFirst();
      return row && toRecord(row);
    },
    async byId(id) {
      const row = await db
        .selectFrom('identity_api_keys')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toRecord(row);
    },
    async get(userId, id) {
      const row = await db
        .selectFrom('identity_api_keys')
        .selectAll()
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row && toRecord(row);
    },
    async list(userId, limit, after) {
      let q = db.selectFrom('identity_api_keys').selectAll().where('user_id', '=', userId);
      if (after) q = q.where('id', '>', after);
      return (await q.orderBy('id').limit(limit).execute()).map(toRecord);
    },
    async revoke(userId, id, at) {
      const result = await db
        .updateTable('identity_api_keys')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
