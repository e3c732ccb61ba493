// Stock reservations per order, so reserving and releasing are idempotent for the orders worker.
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema before any typed view of it exists
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalog_stock_reservation')
    .addColumn('order_id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalog_stock_reservation').execute();
}

export const catalog0002: Migration = { up, down };
