// Indexes for the retention sweep: expired idempotency records, sent outbox rows, old dedup records.
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema before any typed view of it exists
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('orders_idempotency_created_idx')
    .on('orders_idempotency')
    .column('created_at')
    .execute();
  await db.schema.createIndex('orders_outbox_sent_idx').on('orders_outbox').column('sent_at').execute();
  await db.schema
    .createIndex('orders_processed_at_idx')
    .on('orders_processed_message')
    .column('processed_at')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['orders_processed_at_idx', 'orders_outbox_sent_idx', 'orders_idempotency_created_idx'])
    await db.schema.dropIndex(index).execute();
}

export const orders0002: Migration = { up, down };
