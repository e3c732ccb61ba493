// First answers per (caller, Idempotency-Key) in `orders_idempotency`.
import type { IdempotencyTable, OrdersDb } from '../orders.tables.js';

export class IdempotencyRepository {
  constructor(private readonly db: OrdersDb) {}

  find(userId: string, key: string): Promise<IdempotencyTable | undefined> {
    return this.db
      .selectFrom('orders_idempotency')
      .selectAll()
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .executeTakeFirst();
  }

  /** False when the key was already taken (by an earlier or a concurrent request). */
  async claim(row: IdempotencyTable): Promise<boolean> {
    const result = await this.db
      .insertInto('orders_idempotency')
      .values(row)
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
}
