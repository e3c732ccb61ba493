// Queue contract cases: listing, reading, replaying and discarding dead letters.
import { expect, it } from 'vitest';
import { PermanentFailure, type Queue } from '../ports/queue.js';
import { eventually } from './eventually.js';
import type { QueueCaseContext } from './queue-contract.js';

async function killAll(queue: Queue, q: string, ids: string[]): Promise<void> {
  const consumer = queue.consume(
    q,
    async () => {
      throw new PermanentFailure('rejected');
    },
    { idlePollMs: 10 },
  );
  await eventually(async () => expect(await queue.deadLetters.count(q)).toBe(ids.length));
  await consumer.stop();
}

export function queueDeadLetterCases({ queue, name, track }: QueueCaseContext): void {
  it('lists dead letters in pages and reads one', async () => {
    const q = name();
    const ids = ['dl-a', 'dl-b', 'dl-c'];
    for (const id of ids) await queue().send(q, { id }, { id });
    await killAll(queue(), q, ids);
    const first = await queue().deadLetters.list(q, { limit: 2 });
    expect(first.map((d) => d.id)).toEqual(['dl-a', 'dl-b']);
    const rest = await queue().deadLetters.list(q, { limit: 2, after: 'dl-b' });
    expect(rest.map((d) => d.id)).toEqual(['dl-c']);
    expect(await queue().deadLetters.get(q, 'dl-b')).toMatchObject({ body: { id: 'dl-b' }, attempts: 1 });
    expect(await queue().deadLetters.get(q, 'missing')).toBeUndefined();
    expect(await queue().deadLetters.list(name())).toEqual([]);
  });

  it('replays a dead letter with a fresh attempt count', async () => {
    const q = name();
    await queue().send(q, 'again', { id: 'dl-r' });
    await killAll(queue(), q, ['dl-r']);
    expect(await queue().deadLetters.replay(q, 'dl-r')).toBe(true);
    expect(await queue().deadLetters.count(q)).toBe(0);
    expect(await queue().depth(q)).toBe(1);
    const seen: { body: unknown; attempt: number }[] = [];
    track(
      queue().consume(q, async (m) => void seen.push({ body: m.body, attempt: m.attempt }), {
        idlePollMs: 10,
      }),
    );
    await eventually(() => expect(seen).toEqual([{ body: 'again', attempt: 1 }]));
    await eventually(async () => expect(await queue().depth(q)).toBe(0));
    expect(await queue().deadLetters.replay(q, 'dl-r')).toBe(false);
  });

  it('discards a dead letter', async () => {
    const q = name();
    await queue().send(q, 'x', { id: 'dl-x' });
    await queue().send(q, 'y', { id: 'dl-y' });
    await killAll(queue(), q, ['dl-x', 'dl-y']);
    expect(await queue().deadLetters.discard(q, 'dl-x')).toBe(true);
    expect(await queue().deadLetters.discard(q, 'dl-x')).toBe(false);
    expect(await queue().deadLetters.count(q)).toBe(1);
    expect(await queue().deadLetters.get(q, 'dl-x')).toBeUndefined();
    expect(await queue().depth(q)).toBe(0);
  });
}
