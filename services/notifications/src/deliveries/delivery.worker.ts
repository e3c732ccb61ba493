// The `notifications.deliver` queue handler: sends one delivery and records the outcome on its row.
import {
  isAppError,
  type Logger,
  type MessageHandler,
  PermanentFailure,
  type RetryPolicy,
} from '@concierge/platform';
import type { Channels } from '../channels/channel.js';
import type { DeliveryRepository } from './delivery.repository.js';

export const deliverQueue = 'notifications.deliver';

export interface DeliverMessage {
  deliveryId: string;
}

/** What the customer may read in the log: the AppError's message, never a stack or an internal address. */
function describe(error: unknown): string {
  return isAppError(error) ? error.message : 'internal error';
}

/**
 * Sent rows are skipped, so a redelivered message never sends twice once the first send was recorded.
 * A channel's `invalid` error is permanent (straight to the DLQ); anything else is retried by the queue
 * until `retry.maxAttempts`, and the row says `dead` when the queue gives up.
 */
export function deliveryWorker(
  deliveries: DeliveryRepository,
  channels: Channels,
  retry: Pick<RetryPolicy, 'maxAttempts'>,
  now: () => Date,
  logger?: Pick<Logger, 'warn'>,
): MessageHandler<DeliverMessage> {
  return async (message) => {
    const delivery = await deliveries.find(message.body.deliveryId);
    if (!delivery || delivery.status === 'sent') return;
    const attempts = delivery.attempts + 1;
    try {
      await channels[delivery.channel].send(delivery);
    } catch (error) {
      const permanent = isAppError(error) && error.kind === 'invalid';
      const dead = permanent || message.attempt >= retry.maxAttempts;
      await deliveries.markFailed(
        delivery.id,
        dead ? 'dead' : 'failed',
        attempts,
        describe(error),
        now().toISOString(),
      );
      logger?.warn(
        { err: error, deliveryId: delivery.id, channel: delivery.channel, attempts, dead },
        'delivery failed',
      );
      throw permanent ? new PermanentFailure(describe(error)) : error;
    }
    await deliveries.markSent(delivery.id, attempts, now().toISOString());
  };
}
