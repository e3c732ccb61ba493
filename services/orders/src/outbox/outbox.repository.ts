// The outbox table: rows written inside a business transaction, read and marked sent by the relays.
import type { OrdersDb, OutboxTable } from '../orders.tables.js';

export type NewOutboxRow = Pick<OutboxTable, 'id' | 'kind' | 'topic' | 'payload' | 'headers' | 'created_at'>;

export class OutboxRepository {
  constructor(private readonly db: OrdersDb) {}

  async add(rows: NewOutboxRow[]): Promise<void> {
    if (rows.length > 0)
      await this.db
        .insertInto('orders_outbox')
        .values(rows.map((r) => ({ ...r, sent_at: null })))
        .execute();
  }

  unsent(kind: OutboxTable['kind'], limit: number): Promise<OutboxTable[]> {
    return this.db
      .selectFrom('orders_outbox')
      .selectAll()
      .where('kind', '=', kind)
      .where('sent_at', 'is', null)
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  async markSent(ids: string[], at: string): Promise<void> {
    if (ids.length > 0)
      await this.db.updateTable('orders_outbox').set({ sent_at: at }).where('id', 'in', ids).execute();
  }

  /** Every row of a kind, for tests and the reliability report. */
  all(kind: OutboxTable['kind']): Promise<OutboxTable[]> {
    return this.db.selectFrom('orders_outbox').selectAll().where('kind', '=', kind).orderBy('id').execute();
  }
}
