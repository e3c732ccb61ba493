// Queue port over SQS for the sending side (the outbox relay, the notifications enqueuer). Receiving is the
// Lambda event source's job (sqs-batch.ts); dead letters are handled with SQS's own redrive.
import { GetQueueAttributesCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { AppError, type Queue, type SendOptions } from '@concierge/platform';

export interface SqsQueueOptions {
  client: SQSClient;
  /** Queue name (`orders.placed`) → queue URL and its DLQ URL. */
  queues: Record<string, { url: string; dlqUrl: string }>;
}

/** Message attribute carrying our message id (SQS assigns its own MessageId). */
export const idAttribute = 'concierge-id';
const maxDelaySeconds = 900;

export function createSqsQueue(options: SqsQueueOptions): Queue {
  const target = (queue: string) => {
    const found = options.queues[queue];
    if (!found) throw new Error(`no SQS queue is configured for ${queue}`);
    return found;
  };
  const approximate = async (
    url: string,
    names: ('ApproximateNumberOfMessages' | 'ApproximateNumberOfMessagesNotVisible')[],
  ) => {
    const answer = await options.client.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: names }),
    );
    return names.reduce((sum, name) => sum + Number(answer.Attributes?.[name] ?? 0), 0);
  };
  const redrive = (what: string) => async (): Promise<never> => {
    throw new AppError('not_implemented', `${what} runs on SQS's own dead-letter redrive on AWS`, {
      code: 'NOT_IMPLEMENTED',
    });
  };
  return {
    async send<T>(queue: string, body: T, sendOptions: SendOptions = {}) {
      const id = sendOptions.id ?? crypto.randomUUID();
      const attributes = { ...sendOptions.headers, [idAttribute]: id };
      await options.client.send(
        new SendMessageCommand({
          QueueUrl: target(queue).url,
          MessageBody: JSON.stringify(body),
          DelaySeconds: Math.min(maxDelaySeconds, Math.ceil((sendOptions.delayMs ?? 0) / 1000)),
          MessageAttributes: Object.fromEntries(
            Object.entries(attributes).map(([name, value]) => [
              name,
              { DataType: 'String', StringValue: value },
            ]),
          ),
        }),
      );
      return id;
    },
    consume() {
      throw new Error('SQS queues are consumed by their Lambda event source (sqs-batch.ts), not by polling');
    },
    depth: (queue) =>
      approximate(target(queue).url, [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
      ]),
    deadLetters: {
      list: redrive('Listing dead letters'),
      get: redrive('Reading a dead letter'),
      replay: redrive('Replaying a dead letter'),
      discard: redrive('Discarding a dead letter'),
      count: (queue) => approximate(target(queue).dlqUrl, ['ApproximateNumberOfMessages']),
    },
    async check() {
      await Promise.all(
        Object.values(options.queues).map((q) => approximate(q.url, ['ApproximateNumberOfMessages'])),
      );
    },
    async close() {
      options.client.destroy();
    },
  };
}
