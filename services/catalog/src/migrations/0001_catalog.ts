// Creates the catalog tables with the schema builder only, so the same migration runs on SQLite and PostgreSQL.
import { type Kysely, type Migration, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema before any typed view of it exists
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalog_product')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('price_amount', 'integer', (c) => c.notNull().check(sql`price_amount >= 0`))
    .addColumn('price_currency', 'text', (c) => c.notNull())
    .addColumn('image_url', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('stock', 'integer', (c) => c.notNull().check(sql`stock >= 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalog_product_name_idx')
    .on('catalog_product')
    .columns(['name', 'id'])
    .execute();

  await db.schema
    .createTable('catalog_restaurant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('cuisine', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text', (c) => c.notNull())
    // double precision, not real: a rating must survive the round trip through a cursor exactly.
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('price_level', 'integer', (c) => c.notNull().check(sql`price_level between 1 and 4`))
    .addColumn('rating', 'double precision', (c) => c.notNull().check(sql`rating between 0 and 5`))
    .addColumn('review_count', 'integer', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('max_party', 'integer', (c) => c.notNull().check(sql`max_party >= 1`))
    .addColumn('opening_hours', 'text', (c) => c.notNull())
    .addColumn('image_url', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['cuisine', 'area']) {
    await db.schema
      .createIndex(`catalog_restaurant_${column}_idx`)
      .on('catalog_restaurant')
      .columns([column, 'rating', 'id'])
      .execute();
  }
  await db.schema
    .createIndex('catalog_restaurant_rating_idx')
    .on('catalog_restaurant')
    .columns(['rating', 'id'])
    .execute();

  await db.schema
    .createTable('catalog_restaurant_hours')
    .addColumn('restaurant_id', 'text', (c) =>
      c.notNull().references('catalog_restaurant.id').onDelete('cascade'),
    )
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('open_minute', 'integer', (c) => c.notNull())
    .addColumn('close_minute', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalog_restaurant_hours_idx')
    .on('catalog_restaurant_hours')
    .columns(['restaurant_id', 'day'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalog_restaurant_hours').execute();
  await db.schema.dropTable('catalog_restaurant').execute();
  await db.schema.dropTable('catalog_product').execute();
}

export const catalog0001: Migration = { up, down };
