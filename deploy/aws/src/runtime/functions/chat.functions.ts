// The chat function: the concierge's NLU and dialog, with the catalog and the orders in process as in the other
// modes (the same database; the orders service's own operations check whose order it is).
import path from 'node:path';
import { createCatalogService } from '@concierge/catalog';
import {
  createChatService,
  inProcessCatalogClient,
  inProcessOrdersClient,
  loadChatModel,
} from '@concierge/chat';
import { serviceHttp as http, type ServiceContext } from './context.js';
import { ordersServiceOf } from './orders.functions.js';

export async function chatFunctions(ctx: ServiceContext) {
  const catalog = createCatalogService({ store: ctx.store });
  // A cancel from the chat writes order.cancelled to the outbox: published before the function freezes (it may
  // publish on the events topic, not send to the orders queue); the schedule's sweep covers a crash.
  let written = false;
  const orders = ordersServiceOf(
    ctx,
    {
      onWritten: () => {
        written = true;
      },
    },
    catalog,
  );
  const publishCancels = async () => {
    if (!written) return;
    written = false;
    while ((await orders.relays.events.relayOnce()) > 0);
  };
  const chat = createChatService({
    store: ctx.store,
    cache: ctx.cache,
    catalog: inProcessCatalogClient(catalog.module),
    orders: inProcessOrdersClient(orders.module),
    // Trained at bundle time and shipped beside the code (deploy/aws/bundle.ts).
    model: loadChatModel({
      dataDir: ctx.env.codeDir,
      botFile: path.join(ctx.env.codeDir, 'concierge.bot.yaml'),
    }),
    events: ctx.events,
    onPublishError: (err, event) => ctx.logger.error({ err, eventId: event.id }, 'chat event not published'),
  });
  return { http: await http(ctx, 'chat', [chat.module], publishCancels) };
}
