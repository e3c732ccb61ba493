// Events port on NATS: every event is published into a JetStream stream (so it is stored, and a publish
// resolves only once the server has it) and fanned out on its subject.
//
// Two ways to subscribe:
// - live (default): a core NATS subscription; every subscriber, in every process, gets every event
//   published while it is subscribed (the embedded bus's semantics);
// - durable (`group` set, e.g. the service name): a durable JetStream consumer per group and pattern,
//   shared by the group's replicas, so each event reaches the group once, even one published while every
//   replica was down or while the server restarted (at least once: a handler may see an event twice).
import {
  AckPolicy,
  DeliverPolicy,
  type JsMsg,
  type NatsConnection,
  type Subscription as NatsSubscription,
  nanos,
  RetentionPolicy,
  StorageType,
} from 'nats';
import { matcher } from '../events/pattern.js';
import type { Logger } from '../logging/logger.js';
import type { EventBus, EventEnvelope, EventHandler, Subscription } from '../ports/events.js';
import { lazyJetStreamManager, natsNames, token } from './nats-names.js';

export interface NatsEventBusOptions {
  nc: NatsConnection;
  prefix?: string;
  /** Receives every error a subscriber throws (a failing subscriber never fails the others). */
  onHandlerError: (error: unknown, event: EventEnvelope, pattern: string) => void;
  /** Subscribe durably, as this group (one delivery per group); live subscriptions when unset. */
  group?: string;
  logger?: Logger;
  timeoutMs?: number;
  /** How long the stream keeps events (default 7 days). */
  retentionMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `order.*` → `<prefix>.ev.order.>`; `*` → `<prefix>.ev.>`; exact types stay exact. */
function subjectOf(names: ReturnType<typeof natsNames>, pattern: string): string {
  matcher(pattern); // validates
  if (pattern === '*') return `${names.prefix}.ev.>`;
  if (pattern.endsWith('.*')) return `${names.event(pattern.slice(0, -2))}.>`;
  return names.event(pattern);
}

export function createNatsEventBus(options: NatsEventBusOptions): EventBus {
  const names = natsNames(options.prefix ?? 'concierge');
  const { nc } = options;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const js = nc.jetstream({ timeout: timeoutMs });
  const jsm = lazyJetStreamManager(nc, timeoutMs);
  let stream: Promise<void> | undefined;
  const ensureStream = () => {
    stream ??= (async () => {
      const m = await jsm();
      const config = {
        name: names.eventStream,
        subjects: [`${names.prefix}.ev.>`],
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        max_age: nanos(options.retentionMs ?? 7 * 86_400_000),
      };
      try {
        await m.streams.info(names.eventStream);
      } catch {
        await m.streams.add(config).catch((error) => {
          if (!/already in use|exists/i.test(String(error))) throw error;
        });
      }
    })().catch((error) => {
      stream = undefined;
      throw error;
    });
    return stream;
  };
  const inFlight = new Set<Promise<unknown>>();
  const live = new Set<NatsSubscription>();
  const durable = new Set<{ stop(): Promise<void> }>();
  const perPattern = new Map<string, number>();
  let closed = false;

  const deliver = async (pattern: string, handler: EventHandler, data: Uint8Array) => {
    let event: EventEnvelope;
    try {
      event = JSON.parse(Buffer.from(data).toString('utf8')) as EventEnvelope;
    } catch (error) {
      options.logger?.error({ err: error, pattern }, 'unreadable event skipped');
      return;
    }
    try {
      await handler(event);
    } catch (error) {
      options.onHandlerError(error, event, pattern);
    }
  };

  const subscribeLive = (pattern: string, handler: EventHandler): Subscription => {
    let chain = Promise.resolve();
    const sub = nc.subscribe(subjectOf(names, pattern), {
      callback: (error, msg) => {
        if (error) return void options.logger?.warn({ err: error, pattern }, 'event subscription error');
        // In order, one at a time per subscriber, as the stream has them.
        chain = chain.then(() => deliver(pattern, handler, msg.data));
        inFlight.add(chain);
        const mine = chain;
        void mine.finally(() => inFlight.delete(mine));
      },
    });
    live.add(sub);
    return {
      async unsubscribe() {
        live.delete(sub);
        sub.unsubscribe();
        await nc.flush().catch(() => {});
      },
    };
  };

  const subscribeDurable = (group: string, pattern: string, handler: EventHandler): Subscription => {
    const n = perPattern.get(pattern) ?? 0;
    perPattern.set(pattern, n + 1);
    const name = `ev_${token(group)}_${token(pattern)}_${n}`;
    const since = new Date().toISOString();
    let stopped = false;
    let current: { stop(): void } | undefined;
    const loop = (async () => {
      let failures = 0;
      while (!stopped) {
        try {
          await ensureStream();
          const m = await jsm();
          await m.consumers.info(names.eventStream, name).catch(async () => {
            await m.consumers.add(names.eventStream, {
              durable_name: name,
              filter_subject: subjectOf(names, pattern),
              ack_policy: AckPolicy.Explicit,
              deliver_policy: DeliverPolicy.StartTime,
              opt_start_time: since,
              ack_wait: nanos(30_000),
              max_deliver: 10,
            });
          });
          const consumer = await js.consumers.get(names.eventStream, name);
          while (!stopped) {
            const batch = await consumer.fetch({ max_messages: 64, expires: 1_000 });
            current = batch;
            // Each event's ack goes out unconfirmed once the next one is handled, and the batch's last is
            // confirmed: the server takes a consumer's acks in order, so that confirms the batch with one
            // round trip instead of one per event (a lost ack means a redelivery, which at-least-once allows).
            let handled: JsMsg | undefined;
            for await (const msg of batch) {
              if (stopped) {
                msg.nak();
                continue;
              }
              await deliver(pattern, handler, msg.data);
              handled?.ack();
              handled = msg;
            }
            if (handled) await handled.ackAck({ timeout: timeoutMs }).catch(() => false);
            failures = 0;
          }
        } catch (error) {
          if (stopped) break;
          failures++;
          options.logger?.warn({ err: error, pattern, group }, 'durable event subscription failed; retrying');
          await sleep(Math.min(5_000, 100 * 2 ** Math.min(failures, 6)));
        }
      }
    })();
    const handle = {
      async stop() {
        stopped = true;
        current?.stop();
        await loop;
      },
    };
    durable.add(handle);
    return {
      async unsubscribe() {
        durable.delete(handle);
        await handle.stop();
      },
    };
  };

  return {
    async publish<T>(event: EventEnvelope<T>) {
      if (closed) throw new Error('event bus is closed');
      matcher(event.type);
      await ensureStream();
      await js.publish(names.event(event.type), JSON.stringify(event), {
        msgID: event.id,
        timeout: timeoutMs,
      });
    },
    subscribe<T>(pattern: string, handler: EventHandler<T>): Subscription {
      if (closed) throw new Error('event bus is closed');
      const h = handler as EventHandler;
      return options.group ? subscribeDurable(options.group, pattern, h) : subscribeLive(pattern, h);
    },
    async close() {
      closed = true;
      for (const sub of live) sub.unsubscribe();
      live.clear();
      await Promise.all([...durable].map((d) => d.stop()));
      durable.clear();
      await Promise.all(inFlight);
    },
  };
}
