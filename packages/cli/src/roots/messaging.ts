// The queue and the event bus of the embedded mode: a durable queue in SQLite (the store's own file, or a
// file of its own when the store is PostgreSQL) and in-process events.
import path from 'node:path';
import {
  type ConciergeConfig,
  createMemoryEventBus,
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
