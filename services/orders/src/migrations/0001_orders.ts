// Creates the orders tables with the schema builder only, so the same migration runs on SQLite and PostgreSQL.
import { type Kysely, type Migration, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema before any typed view of it exists
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('orders_order')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('product_name', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('delivery_address', 'text', (c) => c.notNull())
    .addColumn('delivery_date', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text')
    .addColumn('card_message', 'text')
    .addColumn('contact', 'text')
    .addColumn('payment_token', 'text', (c) => c.notNull())
    .addColumn('confirmation_number', 'text')
    .addColumn('payment_id', 'text')
    .addColumn('failure_reason', 'text')
    .addColumn('failure_message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('orders_order_user_idx')
    .on('orders_order')
    .columns(['user_id', 'id'])
    .execute();
  await db.schema
    .createIndex('orders_order_status_idx')
    .on('orders_order')
    .columns(['status', 'id'])
    .execute();

  await db.schema
    .createTable('orders_idempotency')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('orders_idempotency_pk', ['user_id', 'key'])
    .execute();

  await db.schema
    .createTable('orders_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('orders_outbox_unsent_idx')
    .on('orders_outbox')
    .columns(['kind', 'sent_at', 'id'])
    .execute();

  await db.schema
    .createTable('orders_processed_message')
    .addColumn('consumer', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('orders_processed_message_pk', ['consumer', 'message_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['orders_processed_message', 'orders_outbox', 'orders_idempotency', 'orders_order'])
    await db.schema.dropTable(table).execute();
}

export const orders0001: Migration = { up, down };
