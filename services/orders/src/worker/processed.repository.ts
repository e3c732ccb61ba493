// Messages a consumer already acted on (`orders_processed_message`), keyed by consumer and message id.
import { precompile } from '@concierge/platform';
import type { OrdersDb } from '../orders.tables.js';

export class ProcessedRepository {
  /** Once per message a worker acts on: compiled once. */
  private readonly insert;

  constructor(private readonly db: OrdersDb) {
    this.insert = precompile(['consumer', 'message_id', 'processed_at'], (p) =>
      db
        .insertInto('orders_processed_message')
        .values(p)
        .onConflict((oc) => oc.columns(['consumer', 'message_id']).doNothing()),
    );
  }

  /** False when it was already recorded (a redelivery that raced this one). */
  async record(consumer: string, messageId: string, at: string): Promise<boolean> {
    const result = await this.db.executeQuery(
      this.insert({ consumer, message_id: messageId, processed_at: at }),
    );
    return Number(result.numAffectedRows ?? 0) > 0;
  }
}
