// API key usage in SQL: per-day counters incremented in batches, and the keys' last use.
import { type Kysely, sql } from 'kysely';

export interface DayUsage {
  keyId: string;
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  requests: number;
  throttled: number;
}

interface Tables {
  identity_api_key_usage: { key_id: string; day: string; requests: number; throttled: number };
  identity_api_keys: { id: string; last_used_at: number | null };
}

export interface ApiKeyUsageRepository {
  /** Adds the counts to what is stored. */
  add(counts: DayUsage[]): Promise<void>;
  /** The key's stored days between `from` and `to` inclusive, oldest first. */
  days(keyId: string, from: string, to: string): Promise<DayUsage[]>;
  touch(keyId: string, at: number): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: the store's Kysely is untyped; this repository narrows it
export function apiKeyUsageRepository(anyDb: Kysely<any>): ApiKeyUsageRepository {
  const db = anyDb as Kysely<Tables>;
  return {
    async add(counts) {
      if (counts.length === 0) return;
      await db
        .insertInto('identity_api_key_usage')
        .values(
          counts.map((c) => ({ key_id: c.keyId, day: c.day, requests: c.requests, throttled: c.throttled })),
        )
        .onConflict((oc) =>
          oc.columns(['key_id', 'day']).doUpdateSet({
            requests: sql`identity_api_key_usage.requests + excluded.requests`,
            throttled: sql`identity_api_key_usage.throttled + excluded.throttled`,
          }),
        )
        .execute();
    },
    async days(keyId, from, to) {
      const rows = await db
        .selectFrom('identity_api_key_usage')
        .selectAll()
        .where('key_id', '=', keyId)
        .where('day', '>=', from)
        .where('day', '<=', to)
        .orderBy('day')
        .execute();
      return rows.map((r) => ({
        keyId: r.key_id,
        day: r.day,
        requests: Number(r.requests),
        throttled: Number(r.throttled),
      }));
    },
    async touch(keyId, at) {
      await db.updateTable('identity_api_keys').set({ last_used_at: at }).where('id', '=', keyId).execute();
    },
  };
}
