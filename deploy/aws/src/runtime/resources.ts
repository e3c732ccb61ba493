// The adapters one function works with: on AWS, Aurora through RDS Proxy (credentials from Secrets Manager),
// Valkey, SQS and SNS; tests hand in local ones (SQLite, memory, the SQLite queue) to run the same code.
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { deliverQueue } from '@concierge/notifications';
import { ordersPlacedQueue } from '@concierge/orders';
import {
  type Cache,
  createPostgresStore,
  createRedisCache,
  type EventBus,
  type Queue,
  type SqlStore,
} from '@concierge/platform';
import { type Logger, pino } from 'pino';
import { secretsClient, snsClient, sqsClient } from './aws-clients.js';
import type { FunctionEnv } from './env.js';
import { createSnsEventBus } from './sns-event-bus.js';
import { createSqsQueue } from './sqs-queue.js';

export interface Resources {
  store: SqlStore;
  cache: Cache;
  queue: Queue;
  events: EventBus;
  logger: Logger;
  /** Sends permanent failures to a DLQ. */
  sqs: SQSClient;
  env: FunctionEnv;
}

/** Synchronous JSON lines: a frozen function must not hold log lines in a buffer. */
export function functionLogger(name: string): Logger {
  return pino({ name, level: process.env.APP_LOG_LEVEL ?? 'info' });
}

export async function awsResources(env: FunctionEnv, name: string): Promise<Resources> {
  const logger = functionLogger(name);
  const secrets = secretsClient({ region: env.region });
  const secret = await secrets.send(new GetSecretValueCommand({ SecretId: env.dbSecretArn }));
  secrets.destroy();
  const { username, password } = JSON.parse(secret.SecretString ?? '{}') as Record<string, string>;
  if (!username || !password) throw new Error('the database secret has no username/password');
  const connectionString = `postgres://${encodeURIComponent(username)}:${encodeURIComponent(password)}@${env.dbHost}:5432/${env.dbName}?sslmode=verify-full`;
  const sqs = sqsClient({ region: env.region });
  return {
    // One invocation at a time per instance; RDS Proxy pools the connections across instances.
    store: createPostgresStore({ connectionString, poolSize: 2, statementTimeoutMs: 8_000, logger }),
    cache: createRedisCache({ url: env.cacheUrl, keyPrefix: 'concierge:', logger }),
    queue: createSqsQueue({
      client: sqs,
      queues: {
        [ordersPlacedQueue]: { url: env.ordersQueueUrl, dlqUrl: env.ordersDlqUrl },
        [deliverQueue]: { url: env.deliveriesQueueUrl, dlqUrl: env.deliveriesDlqUrl },
      },
    }),
    events: createSnsEventBus({ client: snsClient({ region: env.region }), topicArn: env.eventsTopicArn }),
    logger,
    sqs,
    env,
  };
}
