// Counts the SQL statements (and their synchronous time) the embedded system runs per chat turn, replaying the
// benchmark's scripted conversations through the gateway in process (no sockets): a measure of the chat's
// per-turn work that does not depend on the machine's load, unlike turns per second.
// npx tsx --tsconfig tsconfig.json bench/tools/statements-per-turn.ts [rounds] [conversations at a time]
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { chatScripts } from '../chat-http.bench.js';
import { openInProcessSystem } from '../lib/in-process-system.js';

const rounds = Number(process.argv[2] ?? 20);
const parallel = Number(process.argv[3] ?? 1);
const counts = new Map<string, { n: number; ms: number }>();
const probe = new Database(':memory:');
const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, unknown>;
for (const method of ['run', 'get', 'all', 'iterate']) {
  const original = proto[method] as (...args: unknown[]) => unknown;
  proto[method] = function (this: { source: string }, ...args: unknown[]) {
    if (!counting) return original.apply(this, args);
    const started = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      const c = counts.get(this.source) ?? { n: 0, ms: 0 };
      c.n++;
      c.ms += performance.now() - started;
      counts.set(this.source, c);
    }
  };
}
let counting = false;

const { dataDir, system, sut, token } = await openInProcessSystem('statements-turn-', {
  products: 60,
  restaurants: 600,
});

async function replay(): Promise<number> {
  let turns = 0;
  for (const script of chatScripts) {
    let conversationId: string | undefined;
    for (const text of script) {
      const messages = [{ type: 'unstructured', unstructured: { text } }];
      const res = await sut.app.inject({
        method: 'POST',
        url: '/v1/nlu',
        headers: { authorization: `Bearer ${token}` },
        payload: conversationId ? { conversationId, messages } : { messages },
      });
      if (res.statusCode !== 200) throw new Error(`"${text}" answered ${res.statusCode}: ${res.body}`);
      conversationId ??= res.json().conversationId;
      turns++;
    }
  }
  return turns;
}

await replay(); // warm-up: schemas, lexicon, statements
counting = true;
let turns = 0;
const started = performance.now();
for (let i = 0; i < rounds; i++)
  turns += (await Promise.all(Array.from({ length: parallel }, () => replay()))).reduce((a, b) => a + b, 0);
const elapsed = performance.now() - started;
counting = false;
const all = [...counts.values()].reduce((a, b) => ({ n: a.n + b.n, ms: a.ms + b.ms }), { n: 0, ms: 0 });
console.log(
  `${turns} turns, ${parallel} conversations at a time: ${(elapsed / turns).toFixed(3)} ms per turn; ${(all.n / turns).toFixed(2)} statements per turn taking ${(all.ms / turns).toFixed(3)} ms`,
);
for (const [sql, c] of [...counts].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30))
  console.log(
    `${(c.n / turns).toFixed(2).padStart(6)} ${(c.ms / turns).toFixed(3).padStart(7)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 140)}`,
  );
await system.stop();
await sut.app.close();
await system.close();
fs.rmSync(dataDir, { recursive: true, force: true });
