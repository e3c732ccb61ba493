// The per-user live event log in `notifications_live_event`: bounded, ordered by a monotonic sequence.
import { type EventEnvelope, precompile } from '@concierge/platform';
import type { Trx } from '../deliveries/delivery.repository.js';
import type { NotificationsDb } from '../notifications.tables.js';

export interface LiveEvent {
  seq: number;
  eventId: string;
  type: string;
  envelope: string;
}

export class LiveLogRepository {
  // The three statements of every append (two per order), compiled once.
  private readonly insert;
  private readonly oldestKept;
  private readonly trim;

  constructor(
    private readonly db: NotificationsDb,
    /** Events kept per user; older ones are trimmed as new ones arrive. */
    keepPerUser: number,
  ) {
    this.insert = precompile(['user_id', 'event_id', 'event_type', 'envelope', 'created_at'], (p) =>
      db
        .insertInto('notifications_live_event')
        .values(p)
        .onConflict((oc) => oc.columns(['user_id', 'event_id']).doNothing()),
    );
    this.oldestKept = precompile(['user_id'], (p) =>
      db
        .selectFrom('notifications_live_event')
        .select('seq')
        .where('user_id', '=', p.user_id)
        .orderBy('seq', 'desc')
        .offset(keepPerUser - 1)
        .limit(1),
    );
    this.trim = precompile(['user_id', 'seq'], (p) =>
      db.deleteFrom('notifications_live_event').where('user_id', '=', p.user_id).where('seq', '<', p.seq),
    );
  }

  async append(trx: Trx, userId: string, event: EventEnvelope, at: string): Promise<void> {
    await trx.executeQuery(
      this.insert({
        user_id: userId,
        event_id: event.id,
        event_type: event.type,
        envelope: JSON.stringify(event),
        created_at: at,
      }),
    );
    const oldestKept = (await trx.executeQuery(this.oldestKept({ user_id: userId }))).rows[0];
    if (oldestKept) await trx.executeQuery(this.trim({ user_id: userId, seq: oldestKept.seq }));
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
