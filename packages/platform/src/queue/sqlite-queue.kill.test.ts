// Durability: a consumer process killed mid-handler loses nothing; its leased messages come back.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { eventually, type StoreFixture, tempSqliteStore } from '../testing/index.js';
import { createSqliteQueue } from './sqlite-queue.js';

const child = fileURLToPath(new URL('./sqlite-queue.kill-child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
let fixture: StoreFixture | undefined;

afterEach(async () => {
  await fixture?.dispose();
});

it('redelivers every message a SIGKILLed consumer had leased, and none it acked', async () => {
  const temp = tempSqliteStore();
  fixture = temp;
  const queue = createSqliteQueue({ database: await temp.open() });
  for (let n = 0; n < 12; n++) await queue.send('kill', { n });

  const proc = spawn(process.execPath, ['--import', 'tsx', child, temp.file, 'kill'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  const hung: number[] = [];
  proc.stdout.on('data', (chunk: Buffer) => {
    for (const m of chunk.toString().matchAll(/hang (\d+)/g)) hung.push(Number(m[1]));
  });
  try {
    await eventually(() => expect(hung).toHaveLength(4), { timeoutMs: 15_000 });
    await eventually(async () => expect(await queue.depth('kill')).toBe(8));
  } finally {
    proc.kill('SIGKILL');
  }
  await exited;

  const seen = new Map<number, number>();
  const consumer = queue.consume<{ n: number }>('kill', async (m) => void seen.set(m.body.n, m.attempt), {
    concurrency: 4,
    idlePollMs: 10,
  });
  await eventually(async () => expect(await queue.depth('kill')).toBe(0));
  await consumer.stop();
  expect(hung).toEqual([1, 3, 5, 7]);
  expect(Object.fromEntries(seen)).toEqual({ 1: 2, 3: 2, 5: 2, 7: 2, 8: 1, 9: 1, 10: 1, 11: 1 });
  expect(await queue.deadLetters.count('kill')).toBe(0);
});
