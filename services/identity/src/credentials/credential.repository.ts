// Identity ids and issued credentials in SQL (SQLite or PostgreSQL through Kysely); secrets arrive sealed.
import type { Kysely } from 'kysely';

export interface StoredCredential {
  accessKeyId: string;
  secretSealed: string;
  identityId: string;
  userId: string;
  /** The role the credentials act as (`authenticated`, `operator`, `guest`). */
  role: string;
  /** The user's application roles when the credentials were issued. */
  roles: string[];
  /** The user's verified e-mail when the credentials were issued; null for guests and unknown. */
  email: string | null;
  expiresAt: number;
}

export interface IdentityRecord {
  identityId: string;
  provider: string;
  subject: string;
}

interface Tables {
  identity_identities: { identity_id: string; provider: string; subject: string; created_at: number };
  identity_credentials: {
    access_key_id: string;
    secret_sealed: string;
    identity_id: string;
    user_id: string;
    role: string;
    roles: string;
    email: string | null;
    expires_at: number;
    created_at: number;
  };
}

export interface CredentialRepository {
  findIdentity(identityId: string): Promise<IdentityRecord | undefined>;
  /** The identity id of `(provider, subject)`, creating it with `newId` on first sight. */
  identityFor(provider: string, subject: string, newId: () => string): Promise<string>;
  save(credential: StoredCredential): Promise<void>;
  find(accessKeyId: string): Promise<StoredCredential | undefined>;
  deleteExpired(before: number): Promise<number>;
  /** Deletes every credential issued to the user; their signatures stop verifying. */
  deleteForUser(userId: string): Promise<number>;
}

// biome-ignore lint/suspicious/noExplicitAny: the store's Kysely is untyped; this repository narrows it
export function credentialRepository(anyDb: Kysely<any>, now: () => number = Date.now): CredentialRepository {
  const db = anyDb as Kysely<Tables>;
  const byPair = (provider: string, subject: string) =>
    db
      .selectFrom('identity_identities')
      .select('identity_id')
      .where('provider', '=', provider)
      .where('subject', '=', subject)
      .executeTakeFirst();
  return {
    async findIdentity(identityId) {
      const row = await db
        .selectFrom('identity_identities')
        .selectAll()
        .where('identity_id', '=', identityId)
        .executeTakeFirst();
      return row && { identityId: row.identity_id, provider: row.provider, subject: row.subject };
    },
    async identityFor(provider, subject, newId) {
      const found = await byPair(provider, subject);
      if (found) return found.identity_id;
      // Two first sign-ins racing: the unique constraint keeps one row and both answer its id.
      await db
        .insertInto('identity_identities')
        .values({ identity_id: newId(), provider, subject, created_at: now() })
        .onConflict((oc) => oc.columns(['provider', 'subject']).doNothing())
        .execute();
      return (await byPair(provider, subject))!.identity_id;
    },
    async save(c) {
      await db
        .insertInto('identity_credentials')
        .values({
          access_key_id: c.accessKeyId,
          secret_sealed: c.secretSealed,
          identity_id: c.identityId,
          user_id: c.userId,
          role: c.role,
          roles: JSON.stringify(c.roles),
          email: c.email,
          expires_at: c.expiresAt,
          created_at: now(),
        })
        .execute();
    },
    async find(accessKeyId) {
      const row = await db
        .selectFrom('identity_credentials')
        .selectAll()
        .where('access_key_id', '=', accessKeyId)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        accessKeyId: row.access_key_id,
        secretSealed: row.secret_sealed,
        identityId: row.identity_id,
        userId: row.user_id,
        role: row.role,
        roles: JSON.parse(row.roles) as string[],
        email: row.email ?? null,
        expiresAt: Number(row.expires_at),
      };
    },
    async deleteForUser(userId) {
      const result = await db
        .deleteFrom('identity_credentials')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async deleteExpired(before) {
      const result = await db
        .deleteFrom('identity_credentials')
        .where('expires_at', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
