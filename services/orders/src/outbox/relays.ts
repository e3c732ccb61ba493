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
  /** Rows a relay reads per round (default 500). */
  batchSize?: number;
  /** Sends or publishes awaiting their acknowledgement at once, per relay (default 128). */
  inFlight?: number;
  logger?: Pick<Logger, 'error'>;
}

export const defaultRelayBatchSize = 500;
export const defaultRelayInFlight = 128;

export function createRelays(deps: RelayDeps): Relays {
  // Both receivers need no order between rows, so a batch goes out concurrently: every send is a JetStream
  // publish awaiting the stream's acknowledgement (many in flight on one connection), bounded by `inFlight`
  // and by a deadline each; the acknowledged rows are marked sent with one update a round, a failed one
  // stays for the next round. Messages may therefore reach the stream out of outbox order (docs/distributed.md).
  const common = {
    now: deps.now,
    pollMs: deps.pollMs,
    batchSize: deps.batchSize ?? defaultRelayBatchSize,
    inFlight: deps.inFlight ?? defaultRelayInFlight,
    ...(deps.logger ? { logger: deps.logger } : {}),
  };
  const queue = new OutboxRelay(deps.outbox, {
    ...common,
    kind: 'queue',
    // Orders are independent of each other. The row id is the message id (`Nats-Msg-Id`): a resend after
    // a crash, a timeout or a batch partly sent enqueues it once (within the stream's duplicate window).
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
    // The event id is the message id; subscribers deduplicate by it too and need no order between events
    // (notifications consumes each event type on a consumer of its own).
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
