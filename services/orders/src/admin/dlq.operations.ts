// The operator's dead-letter operations of the API contract, one line each.
import type { Logger, OperationHandler, OperationRequest, Queue } from '@concierge/platform';
import { ok, parseInput } from '@concierge/platform';
import { z } from 'zod';
import { operatorOnly, requireOperator } from '../access/caller.js';
import { discardDeadLetter, listDeadLetters, replayDeadLetter, showDeadLetter } from './dlq.commands.js';

const pageSchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().min(1).max(1000).optional(),
  })
  .strict();

const param = (r: OperationRequest, name: string) => r.params[name] ?? '';

export function dlqOperations(queue: Queue, logger?: Pick<Logger, 'info'>): Record<string, OperationHandler> {
  const q = (r: OperationRequest) => param(r, 'queue');
  const id = (r: OperationRequest) => param(r, 'messageId');
  return {
    listDeadLetters: operatorOnly(async (r) =>
      ok(await listDeadLetters(queue, q(r), parseInput(pageSchema, r.query, 'query'))),
    ),
    getDeadLetter: operatorOnly(async (r) => ok(await showDeadLetter(queue, q(r), id(r)))),
    replayDeadLetter: async (r) => {
      const operator = requireOperator(r);
      const answer = await replayDeadLetter(queue, q(r), id(r));
      logger?.info({ queue: q(r), messageId: id(r), operator: operator.userId }, 'dead letter replayed');
      return ok(answer, 202);
    },
    discardDeadLetter: async (r) => {
      const operator = requireOperator(r);
      await discardDeadLetter(queue, q(r), id(r));
      logger?.info({ queue: q(r), messageId: id(r), operator: operator.userId }, 'dead letter discarded');
      return { status: 204 };
    },
  };
}
