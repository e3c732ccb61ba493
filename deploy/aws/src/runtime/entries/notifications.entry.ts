// Lambda entries of the notifications functions: the API, the event consumer and the delivery worker (SQS).
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { secretsClient, sesClient } from '../aws-clients.js';
import { notificationsFunctions } from '../functions/notifications.functions.js';
import { createSesMailer } from '../ses-mailer.js';
import { coldStart } from './start.js';

const ctx = await coldStart('notifications');
const secrets = secretsClient({ region: ctx.env.region });
const webhookSecret = await secrets.send(new GetSecretValueCommand({ SecretId: ctx.env.webhookSecretArn }));
secrets.destroy();
const mailer = createSesMailer({ client: sesClient({ region: ctx.env.region }), from: ctx.env.mailFrom });
const functions = await notificationsFunctions(ctx, mailer, webhookSecret.SecretString ?? '');
export const { http, events, deliveries } = functions;
