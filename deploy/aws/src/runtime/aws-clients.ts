// AWS SDK clients with a timeout on every call and a bounded number of attempts (the SDK's backoff).
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';

export interface ClientOptions {
  region: string;
  /** Per attempt. */
  requestTimeoutMs?: number;
  maxAttempts?: number;
  /** Tests point the clients at a local endpoint. */
  endpoint?: string;
}

function config(options: ClientOptions) {
  return {
    region: options.region,
    maxAttempts: options.maxAttempts ?? 3,
    // Without throwOnRequestTimeout the handler only logs a warning when requestTimeout passes, and waits on.
    requestHandler: {
      connectionTimeout: 1_000,
      requestTimeout: options.requestTimeoutMs ?? 3_000,
      throwOnRequestTimeout: true,
    },
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  };
}

export const sqsClient = (options: ClientOptions) => new SQSClient(config(options));
export const snsClient = (options: ClientOptions) => new SNSClient(config(options));
export const secretsClient = (options: ClientOptions) => new SecretsManagerClient(config(options));
export const sesClient = (options: ClientOptions) => new SESv2Client(config(options));
