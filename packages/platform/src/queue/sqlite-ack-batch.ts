// Groups the acks of one event-loop turn into a single SQLite transaction (one WAL commit, not one each).
import type Database from 'better-sqlite3';
import type { QueueStatements } from './sqlite-queue-statements.js';

interface PendingAck {
  seq: number;
  token: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class AckBatch {
  private pending: PendingAck[] = [];

  constructor(
    private readonly db: Database.Database,
    private readonly statements: QueueStatements,
  ) {}

  /** Resolves once the ack is committed; a stale lease token makes it a no-op, not an error. */
  ack(seq: number, token: string): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.pending.push({ seq, token, resolve, reject }) === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    try {
      this.db
        .transaction(() => {
          for (const a of batch) this.statements.ack.run(a.seq, a.token);
        })
        .immediate();
      for (const a of batch) a.resolve();
    } catch (error) {
      for (const a of batch) a.reject(error);
    }
  }
}
