// Group commit for the chat's small writes: the writes that concurrent turns ask for while a batch is being
// gathered run in one transaction, in the order they were asked for, so fifty turns cost one commit instead
// of fifty (on SQLite a commit is most of a turn's SQL time: every dirty page goes to the WAL again).
// It is the only batching the chat has on PostgreSQL, where it also keeps concurrent appends to one
// conversation in the order asked. On SQLite the store groups commits itself (decision 0010), and there
// gathering here would only cost time: a batch gathered until the loop's check phase opens its store group
// there, and that group commits only on the loop's next turn, after all the I/O of that turn. So with
// `direct` each write runs at once in a transaction of its own and joins the store's group.
import type { Transaction } from 'kysely';
import type { ChatDb, ChatTables } from '../chat.tables.js';

export type ChatTransaction = Transaction<ChatTables>;

interface Queued {
  write: (trx: ChatTransaction) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class BatchedWrites {
  private queue: Queued[] = [];
  private running = false;
  private scheduled = false;

  constructor(
    private readonly db: ChatDb,
    options: { maxBatch?: number; direct?: boolean } = {},
  ) {
    this.maxBatch = options.maxBatch ?? 256;
    this.direct = options.direct ?? false;
  }
  /** Most writes in one transaction; the rest wait for the next one. */
  private readonly maxBatch: number;
  /** Each write at once in a transaction of its own (for a store that groups commits itself). */
  private readonly direct: boolean;

  /**
   * Runs `write` in a transaction shared with the other writes asked for in the same turn of the event loop,
   * and settles when that transaction has committed. A write that fails fails alone: the batch is rolled
   * back and every write of it runs again in a transaction of its own, so the others still commit.
   */
  run<T>(write: (trx: ChatTransaction) => Promise<T>): Promise<T> {
    if (this.direct) return this.db.transaction().execute(write);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    // After the I/O callbacks of this loop turn, so the turns that arrived together share a transaction.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.running || this.queue.length === 0) return;
    this.running = true;
    const batch = this.queue.splice(0, this.maxBatch);
    try {
      if (batch.length === 1) await this.alone(batch[0]!);
      else await this.together(batch);
    } finally {
      this.running = false;
      if (this.queue.length > 0) this.schedule();
    }
  }

  private async together(batch: Queued[]): Promise<void> {
    let results: unknown[];
    try {
      results = await this.db.transaction().execute(async (trx) => {
        const out: unknown[] = [];
        for (const item of batch) out.push(await item.write(trx));
        return out;
      });
    } catch {
      // Which write failed is not known (and on PostgreSQL the transaction is unusable after it): each again alone.
      for (const item of batch) await this.alone(item);
      return;
    }
    for (const [i, item] of batch.entries()) item.resolve(results[i]);
  }

  private async alone(item: Queued): Promise<void> {
    try {
      item.resolve(await this.db.transaction().execute((trx) => item.write(trx)));
    } catch (error) {
      item.reject(error);
    }
  }
}
