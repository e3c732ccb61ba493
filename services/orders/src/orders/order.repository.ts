// Order rows in `orders_order`: inserts, owner-scoped and operator listings, guarded status changes.
import { precompile } from '@concierge/platform';
import type { OrderStatus, OrdersDb, OrderTable } from '../orders.tables.js';

export interface OrderFilter {
  userId?: string;
  status?: OrderStatus;
  /** Newest first: only ids below this one. */
  before?: string;
}

export class OrderRepository {
  /** The worker's first read of every order message, compiled once. */
  private readonly withProcessed;

  constructor(private readonly db: OrdersDb) {
    this.withProcessed = precompile(['id', 'consumer', 'message_id'], (p) =>
      db
        .selectFrom('orders_order')
        .selectAll('orders_order')
        .select((eb) =>
          eb
            .exists(
              eb
                .selectFrom('orders_processed_message')
                .select('message_id')
                .where('consumer', '=', p.consumer)
                .where('message_id', '=', p.message_id),
            )
            .as('processed_message'),
        )
        .where('id', '=', p.id),
    );
  }

  async insert(row: OrderTable): Promise<void> {
    await this.db.insertInto('orders_order').values(row).execute();
  }

  find(id: string): Promise<OrderTable | undefined> {
    return this.db.selectFrom('orders_order').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * The order and whether `consumer` already acted on message `messageId` (`orders_processed_message`), in
   * one statement: one round trip (one transaction on PostgreSQL) instead of two.
   */
  async findWithProcessed(
    id: string,
    consumer: string,
    messageId: string,
  ): Promise<{ order: OrderTable | undefined; processed: boolean }> {
    const row = (await this.db.executeQuery(this.withProcessed({ id, consumer, message_id: messageId })))
      .rows[0];
    if (!row) return { order: undefined, processed: false };
    const { processed_message, ...order } = row;
    // PostgreSQL answers a boolean, SQLite 0 or 1.
    return { order: order as OrderTable, processed: Boolean(processed_message) };
  }

  list(filter: OrderFilter, limit: number): Promise<OrderTable[]> {
    let query = this.db.selectFrom('orders_order').selectAll();
    if (filter.userId) query = query.where('user_id', '=', filter.userId);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.before) query = query.where('id', '<', filter.before);
    return query.orderBy('id', 'desc').limit(limit).execute();
  }

  /** Moves a pending order on; undefined when it was no longer pending (someone else decided first). */
  settle(
    id: string,
    changes: Partial<OrderTable> & { status: OrderStatus },
  ): Promise<OrderTable | undefined> {
    return this.db
      .updateTable('orders_order')
      .set(changes)
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
  }

  /** Notes the charge of an order cancelled while it was being paid, so a redelivery can still refund it. */
  async notePaymentOfCancelled(id: string, paymentId: string): Promise<void> {
    await this.db
      .updateTable('orders_order')
      .set({ payment_id: paymentId })
      .where('id', '=', id)
      .where('status', '=', 'cancelled')
      .execute();
  }

  /** Counts per status, for tests and the reliability report. */
  async countByStatus(): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('orders_order')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }
}
