// Embedded durable queue: messages live in tables of the service's own SQLite database.
import type Database from 'better-sqlite3';
import { newId } from '../ids/ids.js';
import type { Logger } from '../logging/logger.js';
import type {
  ConsumeOptions,
  Consumer,
  DeadLetter,
  MessageHandler,
  Queue,
  SendOptions,
} from '../ports/queue.js';
import { SqliteConsumer } from './sqlite-consumer.js';
import { type DeadLetterRow, prepareQueueStatements } from './sqlite-queue-statements.js';

export interface SqliteQueueOptions {
  /**
   * The database (or the SQLite store owning it); the queue never closes it. With a store that groups
   * commits, a send made while a group is open resolves once that group has committed.
   */
  database:
    | Database.Database
    | {
        raw: Database.Database;
        groupCommit?: { committed(): Promise<void>; write?<T>(write: () => T): Promise<T> };
      };
  /** Defaults for every `consume` call of this queue. */
  consumeDefaults?: ConsumeOptions;
  /** Receives database failures of the polling loop, which it survives by polling again. */
  logger?: Pick<Logger, 'error'>;
}

function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    id: row.id,
    queue: row.queue,
    body: JSON.parse(row.body),
    headers: JSON.parse(row.headers),
    attempts: row.attempts,
    lastError: row.last_error,
    failedAt: new Date(row.failed_at),
  };
}

/**
 * Opens the queue (creating its tables); consumers poll, and are woken at once by sends of this instance.
 * A handler still running past its visibility timeout is not interrupted, but its late ack is ignored.
 * @example
 * const queue = createSqliteQueue({ database: store });
 * await queue.send('mail', { to: 'a@example.com' });
 * queue.consume('mail', async (m) => deliver(m.body), { concurrency: 4 });
 */
export function createSqliteQueue(options: SqliteQueueOptions): Queue {
  const db = 'raw' in options.database ? options.database.raw : options.database;
  const group = 'raw' in options.database ? options.database.groupCommit : undefined;
  const statements = prepareQueueStatements(db);
  const consumers = new Set<SqliteConsumer<unknown>>();
  const wake = (queue: string) => {
    for (const c of consumers) if (c.queue === queue) c.wake();
  };
  let closed = false;

  const replay = db.transaction((queue: string, id: string): boolean => {
    const row = statements.deadGet.get(queue, id);
    if (!row) return false;
    statements.deadDelete.run(queue, id);
    const now = Date.now();
    statements.insert.run({
      queue,
      id,
      body: row.body,
      headers: row.headers,
      enqueuedAt: now,
      availableAt: now,
    });
    return true;
  });

  return {
    async send<T>(queue: string, body: T, opts: SendOptions = {}): Promise<string> {
      const id = opts.id ?? newId();
      const now = Date.now();
      const row = {
        queue,
        id,
        body: JSON.stringify(body ?? null),
        headers: JSON.stringify(opts.headers ?? {}),
        enqueuedAt: now,
        availableAt: now + Math.max(0, opts.delayMs ?? 0),
      };
      // Through the store's driver: between its units (never inside another caller's transaction) and
      // sharing their commit, instead of a commit of its own per message.
      if (group?.write) await group.write(() => statements.insert.run(row));
      else statements.insert.run(row);
      if (!opts.delayMs) wake(queue);
      if (group) await group.committed();
      return id;
    },
    consume<T>(queue: string, handler: MessageHandler<T>, opts: ConsumeOptions = {}): Consumer {
      if (closed) throw new Error('queue is closed');
      const consumer = new SqliteConsumer<T>({ db, statements, logger: options.logger }, queue, handler, {
        ...options.consumeDefaults,
        ...opts,
      });
      consumers.add(consumer as SqliteConsumer<unknown>);
      return {
        stop: async () => {
          await consumer.stop();
          consumers.delete(consumer as SqliteConsumer<unknown>);
        },
      };
    },
    async depth(queue) {
      return statements.depth.get(queue)?.n ?? 0;
    },
    deadLetters: {
      async list(queue, opts = {}) {
        return statements.deadList.all(queue, opts.after ?? '', opts.limit ?? 100).map(toDeadLetter);
      },
      async get(queue, id) {
        const row = statements.deadGet.get(queue, id);
        return row && toDeadLetter(row);
      },
      async replay(queue, id) {
        const replayed = replay.immediate(queue, id);
        if (replayed) wake(queue);
        if (group) await group.committed();
        return replayed;
      },
      async discard(queue, id) {
        const discarded = statements.deadDelete.run(queue, id).changes > 0;
        if (group) await group.committed();
        return discarded;
      },
      async count(queue) {
        return statements.deadCount.get(queue)?.n ?? 0;
      },
    },
    async check() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      closed = true;
      await Promise.all([...consumers].map((c) => c.stop()));
      consumers.clear();
    },
  };
}
