// The per-user live event log in `notifications_live_event`: bounded, ordered by a monotonic sequence.
import type { EventEnvelope } from '@concierge/platform';
import type { Trx } from '../deliveries/delivery.repository.js';
import type { NotificationsDb } from '../notifications.tables.js';

export interface LiveEvent {
  seq: number;
  eventId: string;
  type: string;
  envelope: string;
}

export class LiveLogRepository {
  constructor(
    private readonly db: NotificationsDb,
    /** Events kept per user; older ones are trimmed as new ones arrive. */
    private readonly keepPerUser: number,
  ) {}

  async append(trx: Trx, userId: string, event: EventEnvelope, at: string): Promise<void> {
    await trx
      .insertInto('notifications_live_event')
      .values({
        user_id: userId,
        event_id: event.id,
        event_type: event.type,
        envelope: JSON.stringify(event),
        created_at: at,
      })
      .onConflict((oc) => oc.columns(['user_id', 'event_id']).doNothing())
      .execute();
    const oldestKept = await trx
      .selectFrom('notifications_live_event')
      .select('seq')
      .where('user_id', '=', userId)
      .orderBy('seq', 'desc')
      .offset(this.keepPerUser - 1)
      .limit(1)
      .executeTakeFirst();
    if (oldestKept)
      await trx
        .deleteFrom('notifications_live_event')
        .where('user_id', '=', userId)
        .where('seq', '<', oldestKept.seq)
        .execute();
  }

  /** The sequence number of a delivered event, to resume after it; undefined once trimmed (or never seen). */
  async seqOf(userId: string, eventId: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('notifications_live_event')
      .select('seq')
      .where('user_id', '=', userId)
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    return row ? Number(row.seq) : undefined;
  }

  async lastSeq(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('notifications_live_event')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  }

  async after(userId: string, seq: number, limit: number): Promise<LiveEvent[]> {
    const rows = await this.db
      .selectFrom('notifications_live_event')
      .select(['seq', 'event_id', 'event_type', 'envelope'])
      .where('user_id', '=', userId)
      .where('seq', '>', seq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      seq: Number(r.seq),
      eventId: r.event_id,
      type: r.event_type,
      envelope: r.envelope,
    }));
  }
}
