// The two relays of the orders outbox: work items to the queue, order.* events to the event bus.
import type { EventBus, EventEnvelope, Logger, Queue } from '@concierge/platform';
import { withDeadline } from '../timing/deadline.js';
import { OutboxRelay } from './outbox.relay.js';
import type { OutboxRepository } from './outbox.repository.js';

export interface Relays {
  queue: OutboxRelay;
  events: OutboxRelay;
  start(): void;
  /** Delivers soon; called after each commit that wrote outbox rows. */
  wake(): void;
  stop(): Promise<void>;
  /** Delivers everything committed so far (tests, shutdown). */
  flush(): Promise<void>;
}

export interface RelayDeps {
  outbox: OutboxRepository;
  queue: Queue;
  events: EventBus;
  now: () => Date;
  pollMs: number;
  timeoutMs: number;
  logger?: Pick<Logger, 'error'>;
}

export function createRelays(deps: RelayDeps): Relays {
  const common = { now: deps.now, pollMs: deps.pollMs, ...(deps.logger ? { logger: deps.logger } : {}) };
  const queue = new OutboxRelay(deps.outbox, {
    ...common,
    kind: 'queue',
    // Orders are independent of each other: a batch is sent at once, and its sends share a commit.
    concurrent: true,
    // The row id is the message id: a resend after a crash (or of a batch partly sent) enqueues it once.
    deliver: async (row) => {
      const send = deps.queue.send(row.topic, JSON.parse(row.payload), {
        id: row.id,
        headers: JSON.parse(row.headers),
      });
      await withDeadline(deps.timeoutMs, `queue ${row.topic}`, send);
    },
  });
  const events = new OutboxRelay(deps.outbox, {
    ...common,
    kind: 'event',
    // Subscribers deduplicate by event id and need no order between events: publish a batch at once.
    concurrent: true,
    deliver: async (row) => {
      const publish = deps.events.publish(JSON.parse(row.payload) as EventEnvelope);
      await withDeadline(deps.timeoutMs, 'the event bus', publish);
    },
  });
  return {
    queue,
    events,
    start() {
      queue.start();
      events.start();
    },
    wake() {
      queue.wake();
      events.wake();
    },
    async stop() {
      await Promise.all([queue.stop(), events.stop()]);
    },
    async flush() {
      while ((await queue.relayOnce()) + (await events.relayOnce()) > 0);
    },
  };
}
