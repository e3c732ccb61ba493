// Reservation rows and the guarded stock counter; every transaction starts with a write (see write-first).
import { precompile } from '@concierge/platform';
import type { CatalogDb, StockReservationTable } from '../catalog.tables.js';

const reservationColumns = [
  'order_id',
  'product_id',
  'quantity',
  'status',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof StockReservationTable)[];

export type ReserveOutcome =
  | { kind: 'reserved' | 'existing'; row: StockReservationTable }
  | { kind: 'out_of_stock' }
  | { kind: 'no_product' };

export class StockRepository {
  // The two statements of every successful reservation (one per order), compiled once.
  private readonly claim;
  private readonly take;

  constructor(private readonly db: CatalogDb) {
    this.claim = precompile(reservationColumns, (p) =>
      db
        .insertInto('catalog_stock_reservation')
        .values(p)
        .onConflict((oc) => oc.column('order_id').doNothing()),
    );
    this.take = precompile(['product_id', 'quantity'], (p) =>
      db
        .updateTable('catalog_product')
        .set((eb) => ({ stock: eb('stock', '-', p.quantity) }))
        .where('id', '=', p.product_id)
        .where('stock', '>=', p.quantity),
    );
  }

  /**
   * Claims the reservation row first, so SQLite takes the write lock before reading (no stale-snapshot
   * failures across processes), then decrements stock only while enough is left.
   */
  reserve(row: StockReservationTable): Promise<ReserveOutcome> {
    return this.db.transaction().execute(async (trx) => {
      const claimed = await trx.executeQuery(this.claim(row));
      if (Number(claimed.numAffectedRows ?? 0) === 0) {
        const existing = await trx
          .selectFrom('catalog_stock_reservation')
          .selectAll()
          .where('order_id', '=', row.order_id)
          .executeTakeFirstOrThrow();
        return { kind: 'existing', row: existing };
      }
      const taken = await trx.executeQuery(this.take({ product_id: row.product_id, quantity: row.quantity }));
      if (Number(taken.numAffectedRows ?? 0) > 0) return { kind: 'reserved', row };
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
