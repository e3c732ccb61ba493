// Creates the notifications tables with the schema builder, so the same migration runs on SQLite and PostgreSQL.
import { type Kysely, type Migration, SqliteAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema before any typed view of it exists
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications_delivery')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('enqueued_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_delivery_user_idx')
    .on('notifications_delivery')
    .columns(['user_id', 'audience', 'id'])
    .execute();
  await db.schema
    .createIndex('notifications_delivery_event_idx')
    .on('notifications_delivery')
    .columns(['event_id'])
    .execute();
  await db.schema
    .createTable('notifications_processed_event')
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('consumer', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notifications_processed_event_pk', ['event_id', 'consumer'])
    .execute();
  await db.schema
    .createTable('notifications_preference')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'integer', (c) => c.notNull())
    .addColumn('sms', 'integer', (c) => c.notNull())
    .addColumn('webhook_url', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // AUTOINCREMENT on SQLite so a trimmed sequence number is never handed out again (ids stay monotonic).
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('notifications_live_event')
    .addColumn('seq', sqlite ? 'integer' : 'bigserial', (c) =>
      sqlite ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('envelope', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notifications_live_event_user_idx')
    .on('notifications_live_event')
    .columns(['user_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('notifications_live_event_event_idx')
    .on('notifications_live_event')
    .columns(['user_id', 'event_id'])
    .unique()
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'notifications_live_event',
    'notifications_preference',
    'notifications_processed_event',
    'notifications_delivery',
  ])
    await db.schema.dropTable(table).execute();
}

export const notifications0001: Migration = { up, down };
