// Table bookings at restaurants, one row per booking; a user holds at most one live booking per restaurant and slot.
import { type Kysely, type Migration, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema before any typed view of it exists
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalog_booking')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('restaurant_id', 'text', (c) => c.notNull())
    .addColumn('restaurant_name', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('party_size', 'integer', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalog_booking_user')
    .on('catalog_booking')
    .columns(['user_id', 'id'])
    .execute();
  // Booking the same table twice (a retried request, a repeated "yes") answers the first booking.
  await db.schema
    .createIndex('catalog_booking_live_slot')
    .unique()
    .on('catalog_booking')
    .columns(['user_id', 'restaurant_id', 'date', 'time'])
    .where(sql<boolean>`status = 'confirmed'`)
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalog_booking').execute();
}

export const catalog0003: Migration = { up, down };
