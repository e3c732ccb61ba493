// Booking rows in `catalog_booking`; a live booking per user, restaurant and slot is unique (see 0003_booking).
import { sql } from 'kysely';
import type { BookingTable, CatalogDb } from '../catalog.tables.js';

export class BookingRepository {
  constructor(private readonly db: CatalogDb) {}

  /** Inserts the booking, or answers the user's live booking of the same table and slot. */
  async insertOrExisting(row: BookingTable): Promise<{ row: BookingTable; created: boolean }> {
    const inserted = await this.db
      .insertInto('catalog_booking')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['user_id', 'restaurant_id', 'date', 'time'])
          .where(sql<boolean>`status = 'confirmed'`)
          .doNothing(),
      )
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { row, created: true };
    const existing = await this.db
      .selectFrom('catalog_booking')
      .selectAll()
      .where('user_id', '=', row.user_id)
      .where('restaurant_id', '=', row.restaurant_id)
      .where('date', '=', row.date)
      .where('time', '=', row.time)
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    return { row: existing, created: false };
  }

  find(id: string): Promise<BookingTable | undefined> {
    return this.db.selectFrom('catalog_booking').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The user's bookings, newest first (ids are time-ordered). */
  listByUser(userId: string, limit: number, before?: string): Promise<BookingTable[]> {
    let query = this.db.selectFrom('catalog_booking').selectAll().where('user_id', '=', userId);
    if (before) query = query.where('id', '<', before);
    return query.orderBy('id', 'desc').limit(limit).execute();
  }

  /** Flips a live booking to cancelled; undefined when it was not live. */
  cancel(id: string, at: string): Promise<BookingTable | undefined> {
    return this.db
      .updateTable('catalog_booking')
      .set({ status: 'cancelled', updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'confirmed')
      .returningAll()
      .executeTakeFirst();
  }
}
