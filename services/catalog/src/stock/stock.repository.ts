// Reservation rows and the guarded stock counter; every transaction starts with a write (see write-first).
import type { CatalogDb, StockReservationTable } from '../catalog.tables.js';

export type ReserveOutcome =
  | { kind: 'reserved' | 'existing'; row: StockReservationTable }
  | { kind: 'out_of_stock' }
  | { kind: 'no_product' };

export class StockRepository {
  constructor(private readonly db: CatalogDb) {}

  /**
   * Claims the reservation row first, so SQLite takes the write lock before reading (no stale-snapshot
   * failures across processes), then decrements stock only while enough is left.
   */
  reserve(row: StockReservationTable): Promise<ReserveOutcome> {
    return this.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .insertInto('catalog_stock_reservation')
        .values(row)
        .onConflict((oc) => oc.column('order_id').doNothing())
        .executeTakeFirst();
      if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) {
        const existing = await trx
          .selectFrom('catalog_stock_reservation')
          .selectAll()
          .where('order_id', '=', row.order_id)
          .executeTakeFirstOrThrow();
        return { kind: 'existing', row: existing };
      }
      const taken = await trx
        .updateTable('catalog_product')
        .set((eb) => ({ stock: eb('stock', '-', row.quantity) }))
        .where('id', '=', row.product_id)
        .where('stock', '>=', row.quantity)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) > 0) return { kind: 'reserved', row };
      await trx.deleteFrom('catalog_stock_reservation').where('order_id', '=', row.order_id).execute();
      const product = await trx
        .selectFrom('catalog_product')
        .select('id')
        .where('id', '=', row.product_id)
        .executeTakeFirst();
      return { kind: product ? 'out_of_stock' : 'no_product' };
    });
  }

  /** Gives the stock back once; undefined when the order never reserved any. */
  release(orderId: string, at: string): Promise<StockReservationTable | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const flipped = await trx
        .updateTable('catalog_stock_reservation')
        .set({ status: 'released', updated_at: at })
        .where('order_id', '=', orderId)
        .where('status', '=', 'reserved')
        .returningAll()
        .executeTakeFirst();
      if (flipped) {
        await trx
          .updateTable('catalog_product')
          .set((eb) => ({ stock: eb('stock', '+', flipped.quantity) }))
          .where('id', '=', flipped.product_id)
          .execute();
        return flipped;
      }
      return trx
        .selectFrom('catalog_stock_reservation')
        .selectAll()
        .where('order_id', '=', orderId)
        .executeTakeFirst();
    });
  }
}
