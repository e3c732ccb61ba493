// Composition root of the embedded mode: every service in one process around one SQLite file
// (or PostgreSQL / Redis when configured), behind one gateway.
import path from 'node:path';
import { createCatalogService } from '@concierge/catalog';
import { createChatService, inProcessCatalogClient, loadChatModel } from '@concierge/chat';
import { type ApiDocument, loadApiDocument, type ReadinessCheck } from '@concierge/gateway';
import { createInProcessCatalogClient, createOrdersService, createSandboxProcessor } from '@concierge/orders';
import type {
  Cache,
  ConciergeConfig,
  Logger,
  Mailer,
  ServiceMigrations,
  ServiceModule,
  SqlStore,
} from '@concierge/platform';
import { apiDocumentFile, installRoot } from '../locate.js';
import { createCache, createMailer, createStore } from './adapters.js';
import { assembleIdentity, type IdentityParts } from './identity.root.js';
import { type Messaging, openMessaging } from './messaging.js';
import { createNotifications } from './notifications.root.js';

export interface System {
  config: ConciergeConfig;
  document: ApiDocument;
  webDir: string;
  store: SqlStore;
  cache: Cache;
  mailer: Mailer;
  services: ServiceModule[];
  migrations: ServiceMigrations[];
  readiness: ReadinessCheck[];
  catalog: ReturnType<typeof createCatalogService>;
  identity: IdentityParts;
  messaging: Messaging;
  /** Starts consumers and workers; call after migrating. */
  start(): Promise<void>;
  /** Stops consumers and workers (and ends live streams) so the HTTP server can close. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function assembleSystem(config: ConciergeConfig, logger: Logger): Promise<System> {
  const root = installRoot();
  const document = loadApiDocument(apiDocumentFile(root));
  const store = createStore(config, logger);
  const cache = createCache(config, logger);
  const mailer = createMailer(config, logger);
  const catalog = createCatalogService({ store });
  const messaging = await openMessaging(config, logger, store);
  const identity = await assembleIdentity({ config, logger, store, cache, mailer, document });
  const notifications = createNotifications({ config, logger, store, mailer, ...messaging });
  const payments = createSandboxProcessor({ store });
  const orders = createOrdersService({
    store,
    queue: messaging.queue,
    events: messaging.events,
    catalog: createInProcessCatalogClient(catalog.module),
    payments,
    logger: logger.child({ service: 'orders' }),
  });
  const chat = createChatService({
    store,
    cache,
    catalog: inProcessCatalogClient(catalog.module),
    model: loadChatModel({
      dataDir: config.dataDir,
      botFile: path.join(root, 'services', 'chat', 'bot', 'concierge.bot.yaml'),
      onProgress: (message) => logger.info(message),
    }),
    events: messaging.events,
    onPublishError: (err, event) => logger.error({ err, eventId: event.id }, 'chat event not published'),
  });
  return {
    config,
    document,
    webDir: config.webDir ?? path.join(root, 'web'),
    store,
    cache,
    mailer,
    catalog,
    identity,
    messaging,
    services: [catalog.module, identity.identity.module, chat.module, orders.module, notifications.module],
    migrations: [
      catalog.migrations,
      ...identity.migrations,
      chat.migrations,
      payments.migrations,
      orders.migrations,
      notifications.migrations,
    ],
    readiness: [
      { name: 'store', check: () => store.check() },
      { name: 'cache', check: () => cache.check() },
      { name: 'mail', check: () => mailer.check() },
      { name: 'queue', check: () => messaging.queue.check() },
    ],
    async start() {
      // Subscribers first, so the events the relays publish find them.
      await notifications.start();
      await chat.publishPending();
      orders.relays.start();
      orders.worker.start();
    },
    async stop() {
      await orders.worker.stop();
      await orders.relays.stop();
      await notifications.stop();
    },
    async close() {
      await identity.close();
      await messaging.close();
      await mailer.close();
      await cache.close();
      await store.close();
    },
  };
}

/** Applies every service's pending migrations; returns what was applied per service. */
export async function migrateAll(
  system: Pick<System, 'store' | 'migrations'>,
): Promise<Record<string, string[]>> {
  const applied: Record<string, string[]> = {};
  for (const set of system.migrations) applied[set.service] = (await system.store.migrate(set)).applied;
  return applied;
}
