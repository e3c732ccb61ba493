// Runs the payment worker on the `orders.placed` queue with bounded retries and a DLQ.
import type { ConsumeOptions, Consumer, Queue } from '@concierge/platform';
import { ordersPlacedQueue } from '../events/order-events.js';
import type { processOrder } from './process-order.js';

export interface OrderWorker {
  /** Starts consuming; calling it again returns the running consumer. */
  start(): Consumer;
  /** Stops taking messages and waits for the ones in flight. */
  stop(): Promise<void>;
}

/**
 * Enough attempts, with backoff capped at 10 s, to outlast a processor outage of a few minutes;
 * after that the message waits in the DLQ for an operator.
 */
export const defaultWorkerOptions: ConsumeOptions = {
  concurrency: 64,
  visibilityTimeoutMs: 60_000,
  retry: { maxAttempts: 30, baseDelayMs: 250, maxDelayMs: 10_000 },
};

export function createOrderWorker(
  queue: Queue,
  handler: ReturnType<typeof processOrder>,
  options: ConsumeOptions = {},
): OrderWorker {
  let consumer: Consumer | undefined;
  return {
    start() {
      consumer ??= queue.consume(ordersPlacedQueue, handler, { ...defaultWorkerOptions, ...options });
      return consumer;
    },
    async stop() {
      const running = consumer;
      consumer = undefined;
      await running?.stop();
    },
  };
}
