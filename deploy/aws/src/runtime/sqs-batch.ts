// Runs a queue handler of the service code over an SQS batch (Lambda event source with
// ReportBatchItemFailures): a throw retries that message alone (SQS redelivers it after the visibility
// timeout, and moves it to the DLQ after maxReceiveCount); PermanentFailure sends it to the DLQ at once.
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { type Logger, type MessageHandler, PermanentFailure, type QueueMessage } from '@concierge/platform';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { idAttribute } from './sqs-queue.js';

export interface SqsBatchOptions<T> {
  /** Queue name the service code knows (`orders.placed`). */
  queue: string;
  handler: MessageHandler<T>;
  /** Where permanent failures go. */
  dlqUrl: string;
  client: SQSClient;
  logger: Pick<Logger, 'warn' | 'error'>;
  /** Runs after the batch (the orders outbox relays flush here). */
  afterBatch?: () => Promise<void>;
}

export function createSqsBatchHandler<T>(options: SqsBatchOptions<T>) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      try {
        await options.handler(toQueueMessage<T>(options.queue, record));
      } catch (error) {
        if (error instanceof PermanentFailure) {
          if (await deadLetter(options, record, error)) continue;
        } else {
          options.logger.warn(
            { err: error, messageId: record.messageId, attempt: record.attributes.ApproximateReceiveCount },
            'message failed; SQS retries it',
          );
        }
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    // The batch's outcome stands: what is not delivered now, the scheduled sweep delivers.
    await options
      .afterBatch?.()
      .catch((error) => options.logger.error({ err: error }, 'after-batch step failed'));
    return { batchItemFailures };
  };
}

/**
 * The body is the JSON our queue adapter sent, or an event envelope SNS delivered raw; a body that is not
 * JSON never will be, so it is a permanent failure.
 */
export function toQueueMessage<T>(queue: string, record: SQSRecord): QueueMessage<T> {
  let body: T;
  try {
    body = JSON.parse(record.body) as T;
  } catch {
    throw new PermanentFailure(`message ${record.messageId} is not JSON`);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(record.messageAttributes ?? {})) {
    if (value.stringValue !== undefined && name !== idAttribute) headers[name] = value.stringValue;
  }
  return {
    id: record.messageAttributes?.[idAttribute]?.stringValue ?? record.messageId,
    queue,
    body,
    headers,
    attempt: Number(record.attributes.ApproximateReceiveCount),
    enqueuedAt: new Date(Number(record.attributes.SentTimestamp)),
  };
}

async function deadLetter<T>(options: SqsBatchOptions<T>, record: SQSRecord, error: Error): Promise<boolean> {
  try {
    await options.client.send(
      new SendMessageCommand({
        QueueUrl: options.dlqUrl,
        MessageBody: record.body,
        MessageAttributes: {
          ...Object.fromEntries(
            Object.entries(record.messageAttributes ?? {})
              .filter(([, v]) => v.stringValue !== undefined)
              .map(([name, v]) => [name, { DataType: 'String', StringValue: v.stringValue }]),
          ),
          'last-error': {
            DataType: 'String',
            StringValue: error.message.slice(0, 1000) || 'permanent failure',
          },
        },
      }),
    );
    options.logger.error({ err: error, messageId: record.messageId }, 'permanent failure; moved to the DLQ');
    return true;
  } catch (sendError) {
    options.logger.error(
      { err: sendError, messageId: record.messageId },
      'DLQ send failed; SQS retries the message',
    );
    return false;
  }
}
