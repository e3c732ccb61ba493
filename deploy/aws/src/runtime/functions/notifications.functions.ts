// The notifications functions: the API, the event consumer and the delivery sender, both on SQS.
import { createNotificationsService, createSandboxSmsProvider, deliverQueue } from '@concierge/notifications';
import type { Mailer } from '@concierge/platform';
import { createSqsBatchHandler } from '../sqs-batch.js';
import { serviceHttp as http, type ServiceContext } from './context.js';

export async function notificationsFunctions(ctx: ServiceContext, mailer: Mailer, webhookSecret: string) {
  const notifications = createNotificationsService({
    store: ctx.store,
    events: ctx.events,
    queue: ctx.queue,
    mailer,
    sms: createSandboxSmsProvider(),
    webhooks: { secret: webhookSecret },
    // SQS moves a message to the DLQ after 5 receives (deploy/aws messaging.ts); give up in step.
    retry: { maxAttempts: 5 },
    logger: ctx.logger.child({ service: 'notifications' }),
  });
  const batch = (queue: string, handler: Parameters<typeof createSqsBatchHandler>[0]['handler']) =>
    createSqsBatchHandler({
      queue,
      handler,
      dlqUrl: ctx.env.deliveriesDlqUrl,
      client: ctx.sqs,
      logger: ctx.logger,
    });
  return {
    http: await http(ctx, 'notifications', [notifications.module]),
    // SNS delivers the event envelope raw into the notification-events queue.
    events: createSqsBatchHandler({
      queue: 'notifications.events',
      handler: (message) => notifications.handlers.event(message.body as never),
      dlqUrl: ctx.env.notificationEventsDlqUrl,
      client: ctx.sqs,
      logger: ctx.logger,
    }),
    deliveries: batch(deliverQueue, notifications.handlers.deliver),
  };
}
