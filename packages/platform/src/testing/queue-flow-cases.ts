// Queue contract cases: delays, idempotent ids, depth, concurrency, stop and ordering.
import { expect, it } from 'vitest';
import { eventually, gate, sleep } from './eventually.js';
import type { QueueCaseContext } from './queue-contract.js';

const fast = { idlePollMs: 10, visibilityTimeoutMs: 5_000 };

export function queueFlowCases({ queue, name, track }: QueueCaseContext): void {
  it('holds a delayed message back for delayMs', async () => {
    const q = name();
    const sentAt = Date.now();
    await queue().send(q, 'later', { delayMs: 300 });
    await queue().send(q, 'now');
    const seen: { body: unknown; at: number }[] = [];
    track(queue().consume(q, async (m) => void seen.push({ body: m.body, at: Date.now() }), fast));
    await eventually(() => expect(seen).toHaveLength(2));
    expect(seen.map((s) => s.body)).toEqual(['now', 'later']);
    expect(seen[1]!.at - sentAt).toBeGreaterThanOrEqual(290);
  });

  it('enqueues a caller-chosen id once', async () => {
    const q = name();
    expect(await queue().send(q, 'first', { id: 'order-42' })).toBe('order-42');
    expect(await queue().send(q, 'second', { id: 'order-42' })).toBe('order-42');
    expect(await queue().depth(q)).toBe(1);
    const seen: unknown[] = [];
    track(queue().consume(q, async (m) => void seen.push(m.body), fast));
    await eventually(async () => expect(await queue().depth(q)).toBe(0));
    await sleep(50);
    expect(seen).toEqual(['first']);
  });

  it('counts waiting and in-flight messages in depth, not dead ones', async () => {
    const q = name();
    await queue().send(q, 'a');
    await queue().send(q, 'b');
    expect(await queue().depth(q)).toBe(2);
    const hold = gate();
    let started = 0;
    track(
      queue().consume(
        q,
        async () => {
          started++;
          await hold.promise;
        },
        fast,
      ),
    );
    await eventually(() => expect(started).toBe(1));
    expect(await queue().depth(q)).toBe(2);
    hold.open();
    await eventually(async () => expect(await queue().depth(q)).toBe(0));
  });

  it('runs at most `concurrency` handlers at once, and uses them all', async () => {
    const q = name();
    for (let i = 0; i < 7; i++) await queue().send(q, i);
    const hold = gate();
    let running = 0;
    let peak = 0;
    let done = 0;
    const handler = async () => {
      peak = Math.max(peak, ++running);
      await hold.promise;
      running--;
      done++;
    };
    track(queue().consume(q, handler, { ...fast, concurrency: 3 }));
    await eventually(() => expect(running).toBe(3));
    await sleep(100);
    expect(peak).toBe(3);
    hold.open();
    await eventually(() => expect(done).toBe(7));
    expect(peak).toBe(3);
  });

  it('stop() waits for handlers in flight and takes no new messages', async () => {
    const q = name();
    await queue().send(q, 'one');
    let started = false;
    let finished = false;
    const consumer = queue().consume(
      q,
      async () => {
        started = true;
        await sleep(150);
        finished = true;
      },
      fast,
    );
    await eventually(() => expect(started).toBe(true));
    await consumer.stop();
    expect(finished).toBe(true);
    expect(await queue().depth(q)).toBe(0);
    await queue().send(q, 'two');
    await sleep(100);
    expect(await queue().depth(q)).toBe(1);
  });

  it('delivers ready messages in send order to a single consumer', async () => {
    const q = name();
    const sent = Array.from({ length: 25 }, (_, i) => i);
    for (const n of sent) await queue().send(q, n);
    const seen: number[] = [];
    track(queue().consume<number>(q, async (m) => void seen.push(m.body), fast));
    await eventually(() => expect(seen).toHaveLength(25));
    expect(seen).toEqual(sent);
  });

  it('check() resolves while the queue is usable', async () => {
    await expect(queue().check()).resolves.toBeUndefined();
  });
}
