// Polling consumer of the SQLite queue: claims up to `concurrency` messages, runs handlers, settles them.
import type Database from 'better-sqlite3';
import type { Logger } from '../logging/logger.js';
import {
  type ConsumeOptions,
  type Consumer,
  type MessageHandler,
  PermanentFailure,
  type RetryPolicy,
} from '../ports/queue.js';
import { defaultRetryPolicy, retryDelayMs } from './backoff.js';
import { AckBatch } from './sqlite-ack-batch.js';
import type { MessageRow, QueueStatements } from './sqlite-queue-statements.js';

export interface ConsumerDeps {
  db: Database.Database;
  statements: QueueStatements;
  logger?: Pick<Logger, 'error'>;
}

let tokens = 0;
const processTag = `${process.pid}.${Date.now().toString(36)}`;

export class SqliteConsumer<T> implements Consumer {
  private readonly concurrency: number;
  private readonly visibilityMs: number;
  private readonly idlePollMs: number;
  private readonly retry: RetryPolicy;
  private readonly inFlight = new Set<Promise<void>>();
  private running = true;
  private wakeUp: (() => void) | undefined;
  private wakeScheduled = false;
  private readonly acks: AckBatch;
  private readonly loop: Promise<void>;
  private stopped: Promise<void> | undefined;

  constructor(
    private readonly deps: ConsumerDeps,
    readonly queue: string,
    private readonly handler: MessageHandler<T>,
    options: ConsumeOptions,
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    this.visibilityMs = options.visibilityTimeoutMs ?? 30_000;
    this.idlePollMs = options.idlePollMs ?? 50;
    this.retry = { ...defaultRetryPolicy, ...options.retry };
    this.acks = new AckBatch(deps.db, deps.statements);
    this.loop = this.run();
  }

  /**
   * Called on sends and slot releases so an idle consumer does not wait for its next poll. Deferred to
   * the next macrotask so a burst of sends or completions costs one batched claim, not one each.
   */
  wake(): void {
    if (this.wakeScheduled || !this.wakeUp) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      this.wakeUp?.();
    });
  }

  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.running = false;
      this.wake();
      await this.loop;
      await Promise.all(this.inFlight);
    })();
    return this.stopped;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const free = this.concurrency - this.inFlight.size;
      let claimed = 0;
      if (free > 0) {
        try {
          claimed = this.claim(free);
        } catch (error) {
          this.deps.logger?.error(
            { err: error, queue: this.queue },
            'queue claim failed; retrying after poll',
          );
        }
      }
      if (claimed === 0 || this.inFlight.size >= this.concurrency) await this.idle();
    }
  }

  /** Leases up to `limit` ready messages and starts their handlers; returns how many it leased. */
  private claim(limit: number): number {
    const now = Date.now();
    const token = `${processTag}.${++tokens}`;
    if (!this.deps.statements.ready.get({ queue: this.queue, now })) return 0;
    const args = { queue: this.queue, now, leaseUntil: now + this.visibilityMs, token, limit };
    const rows = this.deps.db.transaction(() => this.deps.statements.claim.all(args)).immediate();
    for (const row of rows.sort((a, b) => a.seq - b.seq)) {
      // The lease of the last allowed delivery expired: bury instead of delivering once more.
      if (row.attempts > this.retry.maxAttempts) {
        const lastError = row.last_error ?? 'attempts exhausted';
        this.bury({ ...row, attempts: row.attempts - 1 }, token, lastError);
      } else this.start(row, token);
    }
    return rows.length;
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wakeUp === done) this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.idlePollMs);
      this.wakeUp = done;
    });
  }

  private start(row: MessageRow, token: string): void {
    const task = this.handle(row, token).finally(() => {
      this.inFlight.delete(task);
      this.wake();
    });
    this.inFlight.add(task);
  }

  private async handle(row: MessageRow, token: string): Promise<void> {
    let failure: unknown;
    try {
      await this.handler({
        id: row.id,
        queue: row.queue,
        body: JSON.parse(row.body) as T,
        headers: JSON.parse(row.headers) as Record<string, string>,
        attempt: row.attempts,
        enqueuedAt: new Date(row.enqueued_at),
      });
    } catch (error) {
      failure = error ?? new Error('handler rejected without a reason');
    }
    try {
      // The task (which stop() awaits) ends only once its ack is committed.
      if (failure === undefined) await this.acks.ack(row.seq, token);
      else this.fail(row, token, failure);
    } catch (error) {
      // The lease simply expires and the message is delivered again.
      this.deps.logger?.error({ err: error, queue: this.queue, id: row.id }, 'queue settle failed');
    }
  }

  private fail(row: MessageRow, token: string, failure: unknown): void {
    const error = String(failure);
    if (failure instanceof PermanentFailure || row.attempts >= this.retry.maxAttempts) {
      this.bury(row, token, error);
      return;
    }
    const availableAt = Date.now() + retryDelayMs(row.attempts, this.retry);
    this.deps.statements.retry.run({ seq: row.seq, token, availableAt, error });
  }

  private bury(row: MessageRow, token: string, lastError: string): void {
    const { db, statements } = this.deps;
    db.transaction(() => {
      // Only the current lease holder may bury: a late handler must not bury a redelivered message.
      if (statements.ack.run(row.seq, token).changes === 0) return;
      const { queue, id, body, headers, attempts, enqueued_at } = row;
      const failed_at = Date.now();
      statements.bury.run({
        queue,
        id,
        body,
        headers,
        attempts,
        enqueued_at,
        last_error: lastError,
        failed_at,
      });
    }).immediate();
  }
}
