// First answers per (caller, Idempotency-Key) in `orders_idempotency`; a record older than the key's
// lifetime no longer counts, and the same key may then start a new order (as Stripe's 24-hour keys).
import type { IdempotencyTable, OrdersDb } from '../orders.tables.js';

export class IdempotencyRepository {
  constructor(private readonly db: OrdersDb) {}

  /** The record of the key, unless it was created before `notBefore` (ISO time). */
  find(userId: string, key: string, notBefore: string): Promise<IdempotencyTable | undefined> {
    return this.db
      .selectFrom('orders_idempotency')
      .selectAll()
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .where('created_at', '>=', notBefore)
      .executeTakeFirst();
  }

  /**
   * False when the key is taken (by an earlier or a concurrent request) by a record created at or after
   * `notBefore`; an expired record is replaced.
   */
  async claim(row: IdempotencyTable, notBefore: string): Promise<boolean> {
    const result = await this.db
      .insertInto('orders_idempotency')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['user_id', 'key'])
          .doUpdateSet({
            request_hash: row.request_hash,
            order_id: row.order_id,
            response: row.response,
            created_at: row.created_at,
          })
          .where('orders_idempotency.created_at', '<', notBefore),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
}
