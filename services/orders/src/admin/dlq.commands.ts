// Dead-letter handling for any queue, shared by the operator API and the `concierge dlq` command.
import { AppError, type DeadLetter, type Queue } from '@concierge/platform';
import { decodeCursor, encodeCursor, type Page } from '../paging/cursor.js';

/** A dead letter as the API and the CLI show it. */
export interface DeadLetterView {
  messageId: string;
  queue: string;
  eventType?: string;
  payload: Record<string, unknown>;
  attempts: number;
  firstFailedAt: string;
  lastFailedAt: string;
  lastError: string;
}

const queueName = /^[a-z][a-z0-9._-]{0,63}$/;

function checkQueue(queue: string): void {
  if (!queueName.test(queue))
    throw AppError.invalid('Not a queue name.', [
      { field: 'path.queue', message: 'lower-case letters, digits, . _ -' },
    ]);
}

function toView(letter: DeadLetter): DeadLetterView {
  const payload =
    letter.body && typeof letter.body === 'object' && !Array.isArray(letter.body)
      ? (letter.body as Record<string, unknown>)
      : { value: letter.body };
  const eventType = letter.headers['event-type'];
  const at = letter.failedAt.toISOString();
  return {
    messageId: letter.id,
    queue: letter.queue,
    ...(eventType ? { eventType } : {}),
    payload,
    attempts: Math.max(1, letter.attempts),
    firstFailedAt: at,
    lastFailedAt: at,
    // Only the first line: stack traces stay in the logs.
    lastError: (letter.lastError.split('\n')[0] ?? '').slice(0, 2000),
  };
}

/**
 * Oldest first, `limit` per page.
 * @example const page = await listDeadLetters(queue, 'orders.placed', { limit: 20 });
 */
export async function listDeadLetters(
  queue: Queue,
  name: string,
  options: { limit?: number; cursor?: string } = {},
): Promise<Page<DeadLetterView>> {
  checkQueue(name);
  const limit = options.limit ?? 20;
  const scope = `dead-letters:${name}`;
  const after = options.cursor ? decodeCursor(scope, options.cursor) : undefined;
  const letters = await queue.deadLetters.list(name, { limit: limit + 1, ...(after ? { after } : {}) });
  const shown = letters.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(toView),
    nextCursor: letters.length > limit && last ? encodeCursor(scope, last.id) : null,
  };
}

/** @example const letter = await showDeadLetter(queue, 'orders.placed', 'msg_0192...'); */
export async function showDeadLetter(queue: Queue, name: string, messageId: string): Promise<DeadLetterView> {
  checkQueue(name);
  const letter = await queue.deadLetters.get(name, messageId);
  if (!letter) throw AppError.notFound(`dead letter ${messageId} of queue ${name}`);
  return toView(letter);
}

/** Back on its queue with fresh retries; consumers are idempotent, so replaying finished work is harmless. */
export async function replayDeadLetter(queue: Queue, name: string, messageId: string) {
  checkQueue(name);
  if (!(await queue.deadLetters.replay(name, messageId)))
    throw AppError.notFound(`dead letter ${messageId} of queue ${name}`);
  return { messageId, queue: name, status: 'requeued' as const };
}

export async function discardDeadLetter(queue: Queue, name: string, messageId: string): Promise<void> {
  checkQueue(name);
  if (!(await queue.deadLetters.discard(name, messageId)))
    throw AppError.notFound(`dead letter ${messageId} of queue ${name}`);
}
