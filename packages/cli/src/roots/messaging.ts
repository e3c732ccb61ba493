// The queue and the event bus of the embedded mode: a durable queue in SQLite (the store's own file, or a
// file of its own when the store is PostgreSQL) and in-process events.
import path from 'node:path';
import {
  type ConciergeConfig,
  connectNats,
  createMemoryEventBus,
  createNatsEventBus,
  createNatsQueue,
  createSqliteQueue,
  createSqliteStore,
  type EventBus,
  type Logger,
  type Queue,
  type SqlStore,
} from '@concierge/platform';

export interface Messaging {
  queue: Queue;
  events: EventBus;
  close(): Promise<void>;
}

export function createMessaging(config: ConciergeConfig, logger: Logger, store: SqlStore): Messaging {
  const own =
    store.dialect === 'sqlite'
      ? undefined
      : createSqliteStore({ file: path.join(config.dataDir, 'queue.sqlite') });
  const database = (own ?? store) as unknown as { raw: import('better-sqlite3').Database };
  const queue = createSqliteQueue({ database, logger });
  const events = createMemoryEventBus({
    onHandlerError: (error, event, pattern) =>
      logger.error({ err: error, eventId: event.id, type: event.type, pattern }, 'event subscriber failed'),
  });
  return {
    queue,
    events,
    async close() {
      await events.close();
      await queue.close();
      await own?.close();
    },
  };
}

/**
 * The configured messaging: NATS JetStream when `CONCIERGE_QUEUE=nats` (the distributed default), else the
 * embedded one. `group` makes event subscriptions durable for that group (one delivery per service).
 */
export async function openMessaging(
  config: ConciergeConfig,
  logger: Logger,
  store: SqlStore,
  group?: string,
): Promise<Messaging> {
  if (config.queue.kind !== 'nats') return createMessaging(config, logger, store);
  const nc = await connectNats({
    url: config.queue.natsUrl!,
    name: `concierge ${group ?? ''}`.trim(),
    logger,
  });
  const prefix = config.queue.natsPrefix;
  const queue = createNatsQueue({ nc, prefix, logger });
  const events = createNatsEventBus({
    nc,
    prefix,
    logger,
    ...(group ? { group } : {}),
    onHandlerError: (error, event, pattern) =>
      logger.error({ err: error, eventId: event.id, type: event.type, pattern }, 'event subscriber failed'),
  });
  return {
    queue,
    events,
    async close() {
      await events.close();
      await queue.close();
      // Drain (let in-flight publishes and acks out), but never wait on an unreachable server for long.
      const deadline = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 5_000).unref());
      const drained = await Promise.race([
        nc.drain().then(
          () => 'ok' as const,
          () => 'failed' as const,
        ),
        deadline,
      ]);
      if (drained !== 'ok') await nc.close();
    },
  };
}
