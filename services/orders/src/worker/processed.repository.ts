// Messages a consumer already acted on (`orders_processed_message`), keyed by consumer and message id.
import type { OrdersDb } from '../orders.tables.js';

export class ProcessedRepository {
  constructor(private readonly db: OrdersDb) {}

  /** False when it was already recorded (a redelivery that raced this one). */
  async record(consumer: string, messageId: string, at: string): Promise<boolean> {
    const result = await this.db
      .insertInto('orders_processed_message')
      .values({ consumer, message_id: messageId, processed_at: at })
      .onConflict((oc) => oc.columns(['consumer', 'message_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
}
