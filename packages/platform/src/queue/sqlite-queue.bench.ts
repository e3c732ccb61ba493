// Throughput of the SQLite queue: send N messages, consume and ack them all, print messages per second.
// Run: node --import tsx packages/platform/src/queue/sqlite-queue.bench.ts [messages] [concurrency]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSqliteStore } from '../store/sqlite-store.js';
import { createSqliteQueue } from './sqlite-queue.js';

const total = Number(process.argv[2] ?? 20_000);
const concurrency = Number(process.argv[3] ?? 16);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-bench-'));
const store = createSqliteStore({ file: path.join(dir, 'bench.db') });
const queue = createSqliteQueue({ database: store });

const started = performance.now();
let done = 0;
const finished = new Promise<void>((resolve) => {
  queue.consume(
    'bench',
    async () => {
      if (++done === total) resolve();
    },
    { concurrency },
  );
});
for (let i = 0; i < total; i++) await queue.send('bench', { i, note: 'order placed' });
const sentMs = performance.now() - started;
await finished;
const elapsed = performance.now() - started;
await queue.close();
await store.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(
  `${total} messages, concurrency ${concurrency}: sends done after ${sentMs.toFixed(0)} ms, all acked after ` +
    `${elapsed.toFixed(0)} ms = ${Math.round((total / elapsed) * 1000)} msg/s end to end`,
);
