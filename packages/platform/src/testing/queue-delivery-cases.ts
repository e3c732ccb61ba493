// Queue contract cases: delivery, ack, retries with bounded backoff, visibility timeout.
import { expect, it } from 'vitest';
import { PermanentFailure, type QueueMessage } from '../ports/queue.js';
import { eventually, gate, sleep } from './eventually.js';
import type { QueueCaseContext } from './queue-contract.js';

const fast = { idlePollMs: 10, visibilityTimeoutMs: 5_000 };

export function queueDeliveryCases({ queue, name, track }: QueueCaseContext): void {
  it('delivers body and headers once and acks when the handler resolves', async () => {
    const q = name();
    const id = await queue().send(q, { sku: 'p_1', qty: 2 }, { headers: { traceparent: '00-abc' } });
    const seen: QueueMessage[] = [];
    track(queue().consume(q, async (m) => void seen.push(m), fast));
    await eventually(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toMatchObject({ id, queue: q, body: { sku: 'p_1', qty: 2 }, attempt: 1 });
    expect(seen[0]!.headers).toEqual({ traceparent: '00-abc' });
    expect(seen[0]!.enqueuedAt).toBeInstanceOf(Date);
    await eventually(async () => expect(await queue().depth(q)).toBe(0));
    await sleep(100);
    expect(seen).toHaveLength(1);
  });

  it('keeps queues apart', async () => {
    const [a, b] = [name(), name()];
    await queue().send(a, 'for-a');
    const seen: unknown[] = [];
    track(queue().consume(b, async (m) => void seen.push(m.body), fast));
    await sleep(100);
    expect(seen).toEqual([]);
    expect(await queue().depth(a)).toBe(1);
  });

  it('redelivers after a thrown error, with backoff capped by maxDelayMs', async () => {
    const q = name();
    await queue().send(q, 'flaky');
    const attempts: number[] = [];
    const retry = { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 20 };
    track(
      queue().consume(
        q,
        async (m) => {
          attempts.push(m.attempt);
          if (m.attempt < 3) throw new Error('not yet');
        },
        { ...fast, retry },
      ),
    );
    await eventually(() => expect(attempts).toEqual([1, 2, 3]));
    await eventually(async () => expect(await queue().depth(q)).toBe(0));
    expect(await queue().deadLetters.count(q)).toBe(0);
  });

  it('moves a message to the DLQ with its last error after maxAttempts', async () => {
    const q = name();
    const id = await queue().send(q, { n: 1 }, { headers: { h: 'v' } });
    let calls = 0;
    const retry = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 };
    track(
      queue().consume(
        q,
        async (m) => {
          calls++;
          throw new Error(`failure ${m.attempt}`);
        },
        { ...fast, retry },
      ),
    );
    await eventually(async () => expect(await queue().deadLetters.count(q)).toBe(1));
    const dead = await queue().deadLetters.get(q, id);
    expect(dead).toMatchObject({ id, queue: q, body: { n: 1 }, headers: { h: 'v' }, attempts: 3 });
    expect(dead!.lastError).toContain('failure 3');
    expect(dead!.failedAt).toBeInstanceOf(Date);
    expect(calls).toBe(3);
    expect(await queue().depth(q)).toBe(0);
  });

  it('sends a PermanentFailure to the DLQ at once', async () => {
    const q = name();
    const id = await queue().send(q, 'bad');
    let calls = 0;
    track(
      queue().consume(
        q,
        async () => {
          calls++;
          throw new PermanentFailure('unparseable');
        },
        { ...fast, retry: { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 1 } },
      ),
    );
    await eventually(async () => expect((await queue().deadLetters.get(q, id))?.attempts).toBe(1));
    expect((await queue().deadLetters.get(q, id))!.lastError).toContain('unparseable');
    await sleep(50);
    expect(calls).toBe(1);
  });

  it('delivers again a message whose handler outlives the visibility timeout', async () => {
    const q = name();
    await queue().send(q, 'slow');
    const hang = gate();
    const attempts: number[] = [];
    track(
      queue().consume(
        q,
        async (m) => {
          attempts.push(m.attempt);
          if (m.attempt === 1) await hang.promise;
        },
        { ...fast, concurrency: 2, visibilityTimeoutMs: 150 },
      ),
    );
    try {
      await eventually(() => expect(attempts).toEqual([1, 2]));
      await eventually(async () => expect(await queue().depth(q)).toBe(0));
    } finally {
      hang.open();
    }
    await sleep(50);
    expect(attempts).toEqual([1, 2]);
    expect(await queue().deadLetters.count(q)).toBe(0);
  });

  it('dead-letters a message whose every delivery outlives the visibility timeout', async () => {
    const q = name();
    const id = await queue().send(q, 'stuck');
    const hang = gate();
    const attempts: number[] = [];
    const retry = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 };
    track(
      queue().consume(
        q,
        async (m) => {
          attempts.push(m.attempt);
          await hang.promise;
        },
        { ...fast, concurrency: 3, visibilityTimeoutMs: 100, retry },
      ),
    );
    try {
      await eventually(async () => expect((await queue().deadLetters.get(q, id))?.attempts).toBe(2));
      expect(attempts).toEqual([1, 2]);
      expect(await queue().depth(q)).toBe(0);
    } finally {
      hang.open();
    }
  });
}
