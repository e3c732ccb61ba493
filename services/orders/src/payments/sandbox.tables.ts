// The sandbox processor's own table and migrations (`payments_sandbox_*`): its ledger of charges by key.
import type { ServiceMigrations } from '@concierge/platform';
import type { Kysely } from 'kysely';

export interface SandboxChargeTable {
  idempotency_key: string;
  charge_id: string;
  amount: number;
  currency: string;
  token: string;
  description: string;
  status: 'succeeded' | 'declined';
  decline_code: string | null;
  /** How many calls carried this key; more than 1 means the caller retried and was answered from the ledger. */
  requests: number;
  refunded_at: string | null;
  created_at: string;
}

/** Keys whose `tok_retry` failure was already served, so it fails once per key across processes and restarts. */
export interface SandboxTransientTable {
  idempotency_key: string;
  failed_at: string;
}

export type SandboxDb = Kysely<{
  payments_sandbox_charge: SandboxChargeTable;
  payments_sandbox_transient: SandboxTransientTable;
}>;

export const sandboxMigrations: ServiceMigrations = {
  service: 'payments_sandbox',
  migrations: {
    '0001_charge': {
      // biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema before any typed view of it exists
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('payments_sandbox_charge')
          .addColumn('idempotency_key', 'text', (c) => c.primaryKey())
          .addColumn('charge_id', 'text', (c) => c.notNull().unique())
          .addColumn('amount', 'bigint', (c) => c.notNull())
          .addColumn('currency', 'text', (c) => c.notNull())
          .addColumn('token', 'text', (c) => c.notNull())
          .addColumn('description', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('decline_code', 'text')
          .addColumn('requests', 'integer', (c) => c.notNull())
          .addColumn('refunded_at', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('payments_sandbox_transient')
          .addColumn('idempotency_key', 'text', (c) => c.primaryKey())
          .addColumn('failed_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
  },
};
