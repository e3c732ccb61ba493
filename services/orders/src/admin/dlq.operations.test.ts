// Operators list, inspect, replay and discard dead letters of any queue; nobody else may.
import { PermanentFailure } from '@concierge/platform';
import { eventually } from '@concierge/platform/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buyer, call, type OpenOrders, openOrders, operator } from '../testing/orders.fixture.js';
import { listDeadLetters } from './dlq.commands.js';

let open: OpenOrders;
const queue = 'mail.outbound';

beforeEach(async () => {
  open = await openOrders();
  const consumer = open.queue.consume(
    queue,
    async () => {
      throw new PermanentFailure('smtp said no\n    at stack frame');
    },
    { idlePollMs: 5 },
  );
  for (const n of [1, 2, 3])
    await open.queue.send(queue, { n }, { id: `msg_${n}`, headers: { 'event-type': 'order.confirmed' } });
  await eventually(async () => expect(await open.queue.deadLetters.count(queue)).toBe(3));
  await consumer.stop();
});
afterEach(() => open.close());

const dlq = (
  operationId: string,
  params: Record<string, string>,
  query: Record<string, unknown> = {},
  caller = operator,
) => call(open.sut, operationId, { caller, params: { queue, ...params }, query });

describe('dead-letter operations', () => {
  it('list oldest first, page by page, without stack traces', async () => {
    const first = (await dlq('listDeadLetters', {}, { limit: 2 })).body as {
      items: { messageId: string }[];
      nextCursor: string;
    };
    expect(first.items.map((i) => i.messageId)).toEqual(['msg_1', 'msg_2']);
    expect(first.items[0]).toEqual({
      messageId: 'msg_1',
      queue,
      eventType: 'order.confirmed',
      payload: { n: 1 },
      attempts: 1,
      firstFailedAt: expect.any(String),
      lastFailedAt: expect.any(String),
      lastError: 'PermanentFailure: smtp said no',
    });
    const rest = (await dlq('listDeadLetters', {}, { limit: 2, cursor: first.nextCursor })).body as {
      items: unknown[];
      nextCursor: null;
    };
    expect(rest).toEqual({ items: [expect.objectContaining({ messageId: 'msg_3' })], nextCursor: null });
  });

  it('show one, and 404 for an unknown one', async () => {
    expect((await dlq('getDeadLetter', { messageId: 'msg_2' })).body).toMatchObject({ payload: { n: 2 } });
    await expect(dlq('getDeadLetter', { messageId: 'msg_9' })).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('replay puts the message back on its queue with fresh attempts', async () => {
    const answer = await dlq('replayDeadLetter', { messageId: 'msg_1' });
    expect(answer).toEqual({ status: 202, body: { messageId: 'msg_1', queue, status: 'requeued' } });
    expect(await open.queue.depth(queue)).toBe(1);
    expect(await open.queue.deadLetters.count(queue)).toBe(2);
    await expect(dlq('replayDeadLetter', { messageId: 'msg_1' })).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('discard drops it for good', async () => {
    expect(await dlq('discardDeadLetter', { messageId: 'msg_3' })).toEqual({ status: 204 });
    expect(await open.queue.deadLetters.count(queue)).toBe(2);
    expect(await open.queue.depth(queue)).toBe(0);
    await expect(dlq('discardDeadLetter', { messageId: 'msg_3' })).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('are for operators only', async () => {
    await expect(dlq('listDeadLetters', {}, {}, buyer)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(
      call(open.sut, 'replayDeadLetter', { params: { queue, messageId: 'msg_1' } }),
    ).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  it('the CLI functions work on any queue and refuse bad queue names', async () => {
    expect((await listDeadLetters(open.queue, 'orders.placed')).items).toEqual([]);
    await expect(listDeadLetters(open.queue, 'Bad Name')).rejects.toMatchObject({ kind: 'invalid' });
  });
});
