// Accounts and their links to outside identity providers.
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { AccountRow, IdentityDatabase } from './identity.schema.js';

export interface Account {
  id: string;
  email: string;
  emailVerified: boolean;
  passwordHash: string | null;
  name: string | null;
  phone: string | null;
  roles: string[];
  createdAt: string;
  /** When an operator disabled the account; null while it is enabled. */
  disabledAt?: string | null;
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    emailVerified: row.email_verified === 1,
    passwordHash: row.password_hash,
    name: row.name,
    phone: row.phone,
    roles: JSON.parse(row.roles) as string[],
    createdAt: row.created_at,
    disabledAt: row.disabled_at ?? null,
  };
}

export interface AccountRepositoryOptions {
  /**
   * How long `findRecent` reuses an account it read (default 1000 ms, 0 turns it off). A change made through
   * this repository is seen at once; a change made by another process within this time.
   */
  recentMs?: number;
  /** Accounts kept at most (least recently used leave first). Default 10,000. */
  recentMax?: number;
}

/** Shared between callers, so nobody may change it in place. */
function freeze(account: Account): Account {
  Object.freeze(account.roles);
  return Object.freeze(account);
}

export class AccountRepository {
  readonly #recent: LRUCache<string, Account> | undefined;
  /** Bumped by every change: a read that started before a change must not store what it read. */
  #generation = 0;

  constructor(
    private readonly db: Kysely<IdentityDatabase>,
    options: AccountRepositoryOptions = {},
  ) {
    const ttl = options.recentMs ?? 1000;
    this.#recent = ttl > 0 ? new LRUCache({ max: options.recentMax ?? 10_000, ttl }) : undefined;
  }

  /**
   * The account as read at most `recentMs` ago, for answers that only show it (the caller's profile).
   * Decisions (sign-in, refresh, issuing credentials) read it afresh with `findById`.
   */
  async findRecent(id: string): Promise<Account | undefined> {
    const recent = this.#recent;
    if (!recent) return this.findById(id);
    const hit = recent.get(id);
    if (hit) return hit;
    const generation = this.#generation;
    const account = await this.findById(id);
    if (account && generation === this.#generation) recent.set(id, freeze(account));
    return account;
  }

  /** Drops the account from `findRecent`'s memory; every change below calls it once its write is done. */
  forget(id: string): void {
    this.#generation++;
    this.#recent?.delete(id);
  }

  async findByEmail(email: string): Promise<Account | undefined> {
    const row = await this.db
      .selectFrom('identity_account')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirst();
    return row && toAccount(row);
  }

  /** Accounts by e-mail, for operators' tools. */
  async list(limit: number): Promise<Account[]> {
    const rows = await this.db
      .selectFrom('identity_account')
      .selectAll()
      .orderBy('email')
      .limit(limit)
      .execute();
    return rows.map(toAccount);
  }

  async findById(id: string): Promise<Account | undefined> {
    const row = await this.db
      .selectFrom('identity_account')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toAccount(row);
  }

  /** Inserts the account; false when the e-mail is taken (the unique index decides, not a prior read). */
  async insert(account: Account): Promise<boolean> {
    const result = await this.db
      .insertInto('identity_account')
      .values({
        id: account.id,
        email: account.email,
        email_verified: account.emailVerified ? 1 : 0,
        password_hash: account.passwordHash,
        name: account.name,
        phone: account.phone,
        roles: JSON.stringify(account.roles),
        created_at: account.createdAt,
        updated_at: account.createdAt,
      })
      .onConflict((c) => c.column('email').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async update(
    id: string,
    changes: Partial<Pick<Account, 'emailVerified' | 'passwordHash' | 'name' | 'phone'>>,
  ): Promise<void> {
    try {
      await this.db
        .updateTable('identity_account')
        .set({
          ...(changes.emailVerified === undefined ? {} : { email_verified: changes.emailVerified ? 1 : 0 }),
          ...(changes.passwordHash === undefined ? {} : { password_hash: changes.passwordHash }),
          ...(changes.name === undefined ? {} : { name: changes.name }),
          ...(changes.phone === undefined ? {} : { phone: changes.phone }),
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', id)
        .execute();
    } finally {
      // Also after a failed write: a read on the same connection may have seen it before it rolled back.
      this.forget(id);
    }
  }

  /** Disables (`at`) or enables (`null`) the account; false when there is no such account. */
  async setDisabled(id: string, at: string | null): Promise<boolean> {
    try {
      const result = await this.db
        .updateTable('identity_account')
        .set({ disabled_at: at, updated_at: new Date().toISOString() })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    } finally {
      this.forget(id);
    }
  }

  async findLinked(provider: string, subject: string): Promise<Account | undefined> {
    const row = await this.db
      .selectFrom('identity_federated_link')
      .innerJoin('identity_account', 'identity_account.id', 'identity_federated_link.account_id')
      .selectAll('identity_account')
      .where('provider', '=', provider)
      .where('subject', '=', subject)
      .executeTakeFirst();
    return row && toAccount(row);
  }

  async link(provider: string, subject: string, accountId: string): Promise<void> {
    await this.db
      .insertInto('identity_federated_link')
      .values({ provider, subject, account_id: accountId, created_at: new Date().toISOString() })
      .onConflict((c) => c.columns(['provider', 'subject']).doNothing())
      .execute();
  }
}
