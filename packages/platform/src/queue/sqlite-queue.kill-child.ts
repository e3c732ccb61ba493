// Child process of the kill test: acks even messages, hangs on odd ones until the parent SIGKILLs it.
import Database from 'better-sqlite3';
import { createSqliteQueue } from './sqlite-queue.js';

const [file, queueName] = process.argv.slice(2);
if (!file || !queueName) throw new Error('usage: sqlite-queue.kill-child.ts <db file> <queue>');
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
const queue = createSqliteQueue({ database: db });
queue.consume<{ n: number }>(
  queueName,
  async (message) => {
    if (message.body.n % 2 === 0) return;
    process.stdout.write(`hang ${message.body.n}\n`);
    await new Promise(() => {});
  },
  { concurrency: 4, visibilityTimeoutMs: 300, idlePollMs: 10 },
);
