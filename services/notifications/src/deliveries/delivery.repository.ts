// Delivery rows in `notifications_delivery`: inserts, state changes, the owner's log and the enqueue sweep.
import { precompile } from '@concierge/platform';
import type { Transaction } from 'kysely';
import type {
  DeliveryChannel,
  DeliveryTable,
  NotificationsDb,
  NotificationsTables,
} from '../notifications.tables.js';

export type Trx = Transaction<NotificationsTables>;

export class DeliveryRepository {
  // The worker reads and settles every delivery by id (about three of each per order): compiled once.
  private readonly byId;
  private readonly sent;

  constructor(private readonly db: NotificationsDb) {
    this.byId = precompile(['id'], (p) =>
      db.selectFrom('notifications_delivery').selectAll().where('id', '=', p.id),
    );
    this.sent = precompile(['id', 'attempts', 'at'], (p) =>
      db
        .updateTable('notifications_delivery')
        .set({ status: 'sent', attempts: p.attempts, last_error: null, sent_at: p.at, updated_at: p.at })
        .where('id', '=', p.id),
    );
  }

  async insert(trx: Trx, rows: DeliveryTable[]): Promise<void> {
    if (rows.length > 0) await trx.insertInto('notifications_delivery').values(rows).execute();
  }

  async find(id: string): Promise<DeliveryTable | undefined> {
    return (await this.db.executeQuery(this.byId({ id }))).rows[0];
  }

  /** Ids of deliveries created but not yet handed to the queue (a crash between commit and send). */
  async unqueued(limit: number, eventId?: string): Promise<string[]> {
    let query = this.db
      .selectFrom('notifications_delivery')
      .select('id')
      .where('enqueued_at', 'is', null)
      .orderBy('id')
      .limit(limit);
    if (eventId) query = query.where('event_id', '=', eventId);
    return (await query.execute()).map((r) => r.id);
  }

  async markEnqueued(ids: string[], at: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable('notifications_delivery')
      .set({ enqueued_at: at })
      .where('id', 'in', ids)
      .execute();
  }

  async markSent(id: string, attempts: number, at: string): Promise<void> {
    await this.db.executeQuery(this.sent({ id, attempts, at }));
  }

  async markFailed(id: string, status: 'failed' | 'dead', attempts: number, error: string, at: string) {
    await this.db
      .updateTable('notifications_delivery')
      .set({ status, attempts, last_error: error.slice(0, 500), updated_at: at })
      .where('id', '=', id)
      .execute();
  }

  /** The customer's own deliveries, newest first, after the keyset `before` id. */
  listForUser(
    userId: string,
    filter: { channel?: DeliveryChannel; before?: string },
    limit: number,
  ): Promise<DeliveryTable[]> {
    let query = this.db
      .selectFrom('notifications_delivery')
      .selectAll()
      .where('user_id', '=', userId)
      .where('audience', '=', 'customer')
      .orderBy('id', 'desc')
      .limit(limit);
    if (filter.channel) query = query.where('channel', '=', filter.channel);
    if (filter.before) query = query.where('id', '<', filter.before);
    return query.execute();
  }
}
