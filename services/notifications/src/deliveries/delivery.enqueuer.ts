// Hands created deliveries to the durable queue; rows left unqueued by a crash are found again by `sweep`.
import type { Queue } from '@concierge/platform';
import type { DeliveryRepository } from './delivery.repository.js';
import { type DeliverMessage, deliverQueue } from './delivery.worker.js';

export class DeliveryEnqueuer {
  constructor(
    private readonly queue: Queue,
    private readonly deliveries: DeliveryRepository,
    private readonly now: () => Date,
  ) {}

  /**
   * Sends each unqueued delivery (of one event, or all) with its own id as the message id, so a send
   * repeated after a crash between the sends and `markEnqueued` is enqueued once (and a copy sent after
   * the first was delivered finds its row sent and does nothing).
   */
  async enqueue(eventId?: string): Promise<number> {
    let total = 0;
    for (;;) {
      const ids = await this.deliveries.unqueued(100, eventId);
      await this.enqueueCreated(ids);
      total += ids.length;
      if (ids.length < 100) return total;
    }
  }

  /**
   * Sends deliveries the caller has just created (so knows are unqueued) without reading them back: the
   * event consumer's path for a fresh event, one statement fewer per event (none when there are none).
   */
  async enqueueCreated(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    // At once: the sends of an embedded queue share one commit.
    await Promise.all(
      ids.map((id) => this.queue.send<DeliverMessage>(deliverQueue, { deliveryId: id }, { id })),
    );
    await this.deliveries.markEnqueued(ids, this.now().toISOString());
  }
}
