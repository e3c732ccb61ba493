// Retention: deletes what only mattered for a while — idempotency records past the key's lifetime,
// outbox rows delivered long ago, and the workers' dedup records once no redelivery can still come.
import type { Logger } from '@concierge/platform';
import type { OrdersDb } from '../orders.tables.js';

export interface RetentionPolicy {
  /** An Idempotency-Key holds its first answer this long (default 24 h, as Stripe's). */
  idempotencyKeyMs: number;
  /** Delivered outbox rows are kept this long for audits (default 7 days). */
  sentOutboxMs: number;
  /**
   * Dedup records of processed messages are kept this long (default 7 days). A redelivery comes within
   * the queue's visibility timeout and retry schedule (minutes); dead letters were never processed, so
   * a replay weeks later finds no record either way.
   */
  processedMessageMs: number;
}

export const defaultRetention: RetentionPolicy = {
  idempotencyKeyMs: 24 * 3_600_000,
  sentOutboxMs: 7 * 86_400_000,
  processedMessageMs: 7 * 86_400_000,
};

export interface SweepResult {
  idempotencyKeys: number;
  outboxRows: number;
  processedMessages: number;
}

export interface Retention {
  /** Deletes everything past its time now. */
  sweep(): Promise<SweepResult>;
  /** Sweeps at once, then every `intervalMs`. */
  start(): void;
  stop(): Promise<void>;
}

export interface RetentionDeps {
  db: OrdersDb;
  now: () => Date;
  policy: RetentionPolicy;
  /** Default one hour. */
  intervalMs?: number;
  logger?: Pick<Logger, 'error' | 'info'>;
}

export function createRetention(deps: RetentionDeps): Retention {
  const { db, policy } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const before = (ms: number) => new Date(deps.now().getTime() - ms).toISOString();
  const deleted = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);

  async function sweep(): Promise<SweepResult> {
    const idempotencyKeys = deleted(
      await db
        .deleteFrom('orders_idempotency')
        .where('created_at', '<', before(policy.idempotencyKeyMs))
        .executeTakeFirst(),
    );
    const outboxRows = deleted(
      await db
        .deleteFrom('orders_outbox')
        .where('sent_at', 'is not', null)
        .where('sent_at', '<', before(policy.sentOutboxMs))
        .executeTakeFirst(),
    );
    const processedMessages = deleted(
      await db
        .deleteFrom('orders_processed_message')
        .where('processed_at', '<', before(policy.processedMessageMs))
        .executeTakeFirst(),
    );
    const result = { idempotencyKeys, outboxRows, processedMessages };
    if (idempotencyKeys + outboxRows + processedMessages > 0) deps.logger?.info(result, 'retention sweep');
    return result;
  }

  const tick = () => {
    running = sweep().catch((err) =>
      deps.logger?.error({ err }, 'retention sweep failed; next one in an hour'),
    );
  };

  return {
    sweep,
    start() {
      if (timer) return;
      tick();
      timer = setInterval(tick, deps.intervalMs ?? 3_600_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
