// Local adapters for the functions' ports (SQLite store and queue, memory cache and event bus, files for
// mail), so handler tests run the same service code without an AWS account. AWS clients point at an address
// where nothing answers: any call a test did not expect fails instead of pretending to succeed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SQSClient } from '@aws-sdk/client-sqs';
import {
  createMemoryCache,
  createMemoryEventBus,
  createSqliteQueue,
  createSqliteStore,
  type EventEnvelope,
} from '@concierge/platform';
import { pino } from 'pino';
import type { FunctionEnv } from '../env.js';
import type { ServiceContext } from '../services.js';
import { loadDocument } from './document.js';

export interface LocalContext extends ServiceContext {
  dir: string;
  /** Every event published, in order. */
  published: EventEnvelope[];
  close(): Promise<void>;
}

export const operatorRole = 'Concierge-operator';

export function localContext(): LocalContext {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-aws-'));
  const store = createSqliteStore({ file: path.join(dir, 'concierge.sqlite') });
  const logger = pino({ level: 'silent' });
  const queue = createSqliteQueue({ database: store, logger });
  const events = createMemoryEventBus({ onHandlerError: () => undefined });
  const published: EventEnvelope[] = [];
  events.subscribe('*', async (event) => {
    published.push(event);
  });
  const unreachable = 'http://127.0.0.1:9';
  const env: FunctionEnv = {
    region: 'us-east-1',
    dbHost: 'unused',
    dbName: 'unused',
    dbSecretArn: 'unused',
    cacheUrl: 'unused',
    eventsTopicArn: 'arn:aws:sns:us-east-1:123456789012:Concierge-Events',
    ordersQueueUrl: `${unreachable}/123456789012/orders`,
    ordersDlqUrl: `${unreachable}/123456789012/orders-dlq`,
    deliveriesQueueUrl: `${unreachable}/123456789012/deliveries`,
    deliveriesDlqUrl: `${unreachable}/123456789012/deliveries-dlq`,
    notificationEventsDlqUrl: `${unreachable}/123456789012/events-dlq`,
    webhookSecretArn: 'unused',
    operatorRole,
    corsOrigins: ['https://d111111abcdef8.cloudfront.net'],
    mailFrom: 'Concierge <orders@concierge.test>',
    codeDir: path.join(dir, 'code'),
  };
  const sqs = new SQSClient({
    region: env.region,
    endpoint: unreachable,
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-test-secret' },
  });
  return {
    store,
    cache: createMemoryCache(),
    queue,
    events,
    logger,
    sqs,
    env,
    document: loadDocument(),
    dir,
    published,
    async close() {
      await queue.close();
      await events.close();
      sqs.destroy();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
