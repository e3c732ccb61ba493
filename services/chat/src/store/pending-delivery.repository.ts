// Events waiting for a subscriber (the notifications service): written first, marked when published.
import type { EventEnvelope } from '@concierge/platform';
import type { ChatDb } from '../chat.tables.js';

export class PendingDeliveryRepository {
  constructor(private readonly db: ChatDb) {}

  async add(envelope: EventEnvelope): Promise<void> {
    await this.db
      .insertInto('chat_pending_delivery')
      .values({
        id: envelope.id,
        event_type: envelope.type,
        envelope: JSON.stringify(envelope),
        created_at: envelope.occurredAt,
        published_at: null,
      })
      .execute();
  }

  async pending(limit = 100): Promise<EventEnvelope[]> {
    const rows = await this.db
      .selectFrom('chat_pending_delivery')
      .select('envelope')
      .where('published_at', 'is', null)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => JSON.parse(r.envelope) as EventEnvelope);
  }

  async markPublished(id: string, at: Date): Promise<void> {
    await this.db
      .updateTable('chat_pending_delivery')
      .set({ published_at: at.toISOString() })
      .where('id', '=', id)
      .execute();
  }
}
