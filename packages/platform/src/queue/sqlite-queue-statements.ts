// Tables and prepared statements of the SQLite queue; plain idempotent DDL so any process may create them.
import type Database from 'better-sqlite3';

const ddl = `
CREATE TABLE IF NOT EXISTS platform_queue_message (
  seq INTEGER PRIMARY KEY,
  queue TEXT NOT NULL,
  id TEXT NOT NULL,
  body TEXT NOT NULL,
  headers TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  enqueued_at INTEGER NOT NULL,
  available_at INTEGER NOT NULL,
  lease_token TEXT,
  last_error TEXT,
  UNIQUE (queue, id)
);
CREATE INDEX IF NOT EXISTS platform_queue_message_ready ON platform_queue_message (queue, available_at, seq);
CREATE TABLE IF NOT EXISTS platform_queue_dead_letter (
  queue TEXT NOT NULL,
  id TEXT NOT NULL,
  body TEXT NOT NULL,
  headers TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  enqueued_at INTEGER NOT NULL,
  last_error TEXT NOT NULL,
  failed_at INTEGER NOT NULL,
  PRIMARY KEY (queue, id)
);`;

export interface MessageRow {
  seq: number;
  queue: string;
  id: string;
  body: string;
  headers: string;
  attempts: number;
  enqueued_at: number;
  last_error: string | null;
}

export interface DeadLetterRow extends Omit<MessageRow, 'seq'> {
  last_error: string;
  failed_at: number;
}

export type QueueStatements = ReturnType<typeof prepareQueueStatements>;

/** Creates the tables if needed and prepares every statement once. */
export function prepareQueueStatements(db: Database.Database) {
  db.exec(ddl);
  const m = 'platform_queue_message';
  const d = 'platform_queue_dead_letter';
  return {
    insert: db.prepare(
      `INSERT INTO ${m} (queue, id, body, headers, attempts, enqueued_at, available_at)
       VALUES (@queue, @id, @body, @headers, 0, @enqueuedAt, @availableAt) ON CONFLICT (queue, id) DO NOTHING`,
    ),
    // A read first: an idle consumer's poll then costs no write transaction (and no write lock).
    ready: db.prepare<{ queue: string; now: number }, { one: number }>(
      `SELECT 1 AS one FROM ${m} WHERE queue = @queue AND available_at <= @now LIMIT 1`,
    ),
    // One statement claims a batch: the lease is `available_at` moved to the end of the visibility timeout.
    claim: db.prepare<
      { queue: string; now: number; leaseUntil: number; token: string; limit: number },
      MessageRow
    >(
      `UPDATE ${m} SET attempts = attempts + 1, available_at = @leaseUntil, lease_token = @token,
         last_error = CASE WHEN lease_token IS NULL THEN last_error ELSE 'visibility timeout expired' END
       WHERE seq IN (SELECT seq FROM ${m} WHERE queue = @queue AND available_at <= @now
                     ORDER BY available_at, seq LIMIT @limit)
       RETURNING seq, queue, id, body, headers, attempts, enqueued_at, last_error`,
    ),
    ack: db.prepare(`DELETE FROM ${m} WHERE seq = ? AND lease_token = ?`),
    retry: db.prepare(
      `UPDATE ${m} SET available_at = @availableAt, lease_token = NULL, last_error = @error
       WHERE seq = @seq AND lease_token = @token`,
    ),
    bury: db.prepare(
      `INSERT OR REPLACE INTO ${d} (queue, id, body, headers, attempts, enqueued_at, last_error, failed_at)
       VALUES (@queue, @id, @body, @headers, @attempts, @enqueued_at, @last_error, @failed_at)`,
    ),
    depth: db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM ${m} WHERE queue = ?`),
    deadList: db.prepare<[string, string, number], DeadLetterRow>(
      `SELECT * FROM ${d} WHERE queue = ? AND id > ? ORDER BY id LIMIT ?`,
    ),
    deadGet: db.prepare<[string, string], DeadLetterRow>(`SELECT * FROM ${d} WHERE queue = ? AND id = ?`),
    deadDelete: db.prepare(`DELETE FROM ${d} WHERE queue = ? AND id = ?`),
    deadCount: db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM ${d} WHERE queue = ?`),
  };
}
