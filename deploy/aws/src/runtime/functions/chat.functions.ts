// The chat function: the concierge's NLU and dialog, with the catalog in process as in the other modes.
import path from 'node:path';
import { createCatalogService } from '@concierge/catalog';
import { createChatService, inProcessCatalogClient, loadChatModel } from '@concierge/chat';
import { serviceHttp as http, type ServiceContext } from './context.js';

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
