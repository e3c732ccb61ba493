// The functions of each service over a set of resources: the same service code as the other modes, with
// the Lambda handlers (API Gateway proxy, SQS batches, the schedule) around it.
import path from 'node:path';
import { catalogMigrations, createCatalogService } from '@concierge/catalog';
import { chatMigrations, createChatService, inProcessCatalogClient, loadChatModel } from '@concierge/chat';
import {
  createNotificationsService,
  createSandboxSmsProvider,
  deliverQueue,
  notificationsMigrations,
} from '@concierge/notifications';
import {
  createInProcessCatalogClient,
  createOrdersService,
  createSandboxProcessor,
  ordersMigrations,
  ordersPlacedQueue,
} from '@concierge/orders';
import type { Mailer, ServiceMigrations } from '@concierge/platform';
import type { OpenApi } from '../stack/api-definition.js';
import { createHttpHandler } from './http-handler.js';
import type { Resources } from './resources.js';
import { createSqsBatchHandler } from './sqs-batch.js';

export interface ServiceContext extends Resources {
  document: OpenApi;
}

const http = (
  ctx: ServiceContext,
  service: string,
  modules: Parameters<typeof createHttpHandler>[0]['modules'],
  afterRequest?: () => Promise<void>,
) =>
  createHttpHandler({
    document: ctx.document,
    service,
    modules,
    logger: ctx.logger,
    operatorRole: ctx.env.operatorRole,
    corsOrigins: ctx.env.corsOrigins,
    readiness: [
      { name: 'store', check: () => ctx.store.check() },
      { name: 'cache', check: () => ctx.cache.check() },
    ],
    ...(afterRequest ? { afterRequest } : {}),
  });

export async function gatewayFunctions(ctx: ServiceContext) {
  return { http: await http(ctx, 'gateway', []) };
}

export async function catalogFunctions(ctx: ServiceContext) {
  const catalog = createCatalogService({ store: ctx.store });
  return { http: await http(ctx, 'catalog', [catalog.module]) };
}

export async function chatFunctions(ctx: ServiceContext) {
  const catalog = createCatalogService({ store: ctx.store });
  const chat = createChatService({
    store: ctx.store,
    cache: ctx.cache,
    catalog: inProcessCatalogClient(catalog.module),
    // Trained at bundle time and shipped beside the code (deploy/aws/bundle.ts).
    model: loadChatModel({
      dataDir: ctx.env.codeDir,
      botFile: path.join(ctx.env.codeDir, 'concierge.bot.yaml'),
    }),
    events: ctx.events,
    onPublishError: (err, event) => ctx.logger.error({ err, eventId: event.id }, 'chat event not published'),
  });
  return { http: await http(ctx, 'chat', [chat.module]) };
}

export async function ordersFunctions(ctx: ServiceContext) {
  const catalog = createCatalogService({ store: ctx.store });
  const orders = createOrdersService({
    store: ctx.store,
    queue: ctx.queue,
    events: ctx.events,
    catalog: createInProcessCatalogClient(catalog.module),
    payments: createSandboxProcessor({ store: ctx.store }),
    logger: ctx.logger.child({ service: 'orders' }),
  });
  // A function freezes once it answered: deliver what the invocation wrote to the outbox before that.
  const flush = () => orders.relays.flush();
  return {
    http: await http(ctx, 'orders', [orders.module], flush),
    worker: createSqsBatchHandler({
      queue: ordersPlacedQueue,
      handler: orders.handleOrderPlaced,
      dlqUrl: ctx.env.ordersDlqUrl,
      client: ctx.sqs,
      logger: ctx.logger,
      afterBatch: flush,
    }),
    /** The schedule's sweep: rows an invocation wrote but did not deliver (it timed out or crashed). */
    relay: async () => {
      await flush();
    },
  };
}

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

/** Every migration the deployed services need (identity's accounts live in Cognito on AWS). */
export function allMigrations(ctx: Pick<ServiceContext, 'store'>): ServiceMigrations[] {
  return [
    catalogMigrations,
    chatMigrations,
    createSandboxProcessor({ store: ctx.store }).migrations,
    ordersMigrations,
    notificationsMigrations,
  ];
}
