// The orders functions: the API, the payment worker on SQS and the outbox sweep.
import { createCatalogService } from '@concierge/catalog';
import {
  createInProcessCatalogClient,
  createOrdersService,
  createSandboxProcessor,
  ordersPlacedQueue,
} from '@concierge/orders';
import { createSqsBatchHandler } from '../sqs-batch.js';
import { serviceHttp as http, type ServiceContext } from './context.js';

/**
 * The orders service of a function, over the function's store, queue and events, with the catalog in process:
 * the orders functions' own and the chat function's (which answers order questions) are built alike.
 */
export function ordersServiceOf(
  ctx: ServiceContext,
  extra: Pick<Parameters<typeof createOrdersService>[0], 'onWritten'> = {},
  catalog = createCatalogService({ store: ctx.store }),
) {
  return createOrdersService({
    store: ctx.store,
    queue: ctx.queue,
    events: ctx.events,
    catalog: createInProcessCatalogClient(catalog.module),
    payments: createSandboxProcessor({ store: ctx.store }),
    logger: ctx.logger.child({ service: 'orders' }),
    ...extra,
  });
}

export async function ordersFunctions(ctx: ServiceContext) {
  const orders = ordersServiceOf(ctx);
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
