// Composition root of the embedded mode: every service in one process around one SQLite file
// (or PostgreSQL / Redis when configured), behind one gateway.
import path from 'node:path';
import { createCatalogService } from '@concierge/catalog';
import {
  createChatService,
  inProcessCatalogClient,
  inProcessOrdersClient,
  loadChatModel,
} from '@concierge/chat';
import { type ApiDocument, loadApiDocument, type ReadinessCheck } from '@concierge/gateway';
import { deliverQueue, LiveHub } from '@concierge/notifications';
import {
  createInProcessCatalogClient,
  createOrdersService,
  createSandboxProcessor,
  ordersPlacedQueue,
} from '@concierge/orders';
import {
  type Cache,
  type ConciergeConfig,
  createSharedWriteLock,
  createWriteLockState,
  type Logger,
  type Mailer,
  type Queue,
  type ServiceMigrations,
  type ServiceModule,
  type SqlStore,
} from '@concierge/platform';
import { sql } from 'kysely';
import { apiDocumentFile, installRoot } from '../locate.js';
import { createCache, createMailer, createStore } from './adapters.js';
import { type BackgroundHandle, startBackground } from './background-handle.js';
import { assembleIdentity, type IdentityParts } from './identity.root.js';
import { type Messaging, openMessaging } from './messaging.js';
import { createNotifications } from './notifications.root.js';
import type { Telemetry } from './telemetry.root.js';

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
  telemetry: Telemetry | undefined;
  /** Starts consumers and workers; call after migrating. */
  start(): Promise<void>;
  /** Stops consumers and workers (and ends live streams) so the HTTP server can close. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export interface AssembleOptions {
  /**
   * The built program's entry module: with it, an embedded system on a SQLite file runs its relays, payment
   * worker and notification consumers on a worker thread started from it (unless `CONCIERGE_BACKGROUND` is
   * `inline`, or telemetry is on: the thread's work is not instrumented). Without it, on the event loop.
   */
  backgroundEntry?: URL;
}

/** The thread needs the built program and a file both threads can open; its work is not traced. */
function backgroundThreadEntry(
  config: ConciergeConfig,
  telemetry: Telemetry | undefined,
  options: AssembleOptions,
): URL | undefined {
  const entry = options.backgroundEntry;
  const embedded = config.store.kind === 'sqlite' && config.queue.kind === 'sqlite';
  const observed = telemetry?.metrics || telemetry?.tracing;
  if (!entry || !embedded || config.background !== 'thread' || observed) return undefined;
  // Node 20 applies no `--import` loader (tsx) to a worker's entry: from TypeScript sources, run inline.
  return /\.m?js$/.test(entry.pathname) ? entry : undefined;
}

export async function assembleSystem(
  config: ConciergeConfig,
  logger: Logger,
  telemetry?: Telemetry,
  options: AssembleOptions = {},
): Promise<System> {
  const root = installRoot();
  const threadEntry = backgroundThreadEntry(config, telemetry, options);
  let background: BackgroundHandle | undefined;
  const hub = threadEntry ? new LiveHub() : undefined;
  // Checkouts (here) go before the thread's writes whenever both wait for the file's write lock.
  const writeLockState = threadEntry ? createWriteLockState() : undefined;
  const document = loadApiDocument(apiDocumentFile(root));
  const writeLock = writeLockState && createSharedWriteLock({ state: writeLockState, priority: true });
  const store = createStore(config, logger, writeLock ? { writeLock } : undefined);
  const cache = createCache(config, logger);
  const mailer = createMailer(config, logger);
  const catalog = createCatalogService({ store, productCacheMs: config.catalog.productCacheMs });
  const messaging = instrumented(await openMessaging(config, logger, store), telemetry);
  const identity = await assembleIdentity({ config, logger, store, cache, mailer, document });
  // A message this thread puts on the queue (a dead letter replayed) is for the background thread's consumers.
  const httpQueue = threadEntry ? wakingQueue(messaging.queue, () => background?.wake()) : messaging.queue;
  // Deliveries to the file outbox (or SMTP) are I/O waits: many may be in flight at once.
  const notifications = createNotifications({
    config,
    logger,
    store,
    mailer,
    concurrency: 32,
    ...(hub ? { hub } : {}),
    ...messaging,
    queue: httpQueue,
  });
  const payments = createSandboxProcessor({ store });
  const orders = createOrdersService({
    store,
    queue: httpQueue,
    events: messaging.events,
    catalog: createInProcessCatalogClient(catalog.module),
    payments,
    logger: logger.child({ service: 'orders' }),
    ...(threadEntry ? { onWritten: () => background?.wake() } : {}),
  });
  const chat = createChatService({
    store,
    cache,
    catalog: inProcessCatalogClient(catalog.module),
    orders: inProcessOrdersClient(orders.module),
    model: timed(
      loadChatModel({
        dataDir: config.dataDir,
        botFile: path.join(root, 'services', 'chat', 'bot', 'concierge.bot.yaml'),
        onProgress: (message) => logger.info(message),
      }),
      telemetry,
    ),
    events: messaging.events,
    onPublishError: (err, event) => logger.error({ err, eventId: event.id }, 'chat event not published'),
  });
  return {
    config,
    document,
    webDir: config.webDir ?? path.join(root, 'dist', 'web'),
    store,
    cache,
    mailer,
    catalog,
    identity,
    messaging,
    telemetry,
    services: [
      catalog.module,
      identity.identity.module,
      chat.module,
      orders.module,
      notifications.module,
    ].map((module) => telemetry?.module(module) ?? module),
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
      ...(threadEntry
        ? [
            {
              name: 'background',
              check: () => background?.check() ?? Promise.reject(new Error('not started')),
            },
          ]
        : []),
    ],
    async start() {
      if (threadEntry && hub) {
        background = await startBackground({
          entry: threadEntry,
          config,
          writeLock: writeLockState!,
          logger,
          onLive: (userId) => hub.notify(userId),
          startNow: await pendingBackgroundWork(store),
        });
        // Chat publishes here; its dining suggestions are consumed by notifications on the thread.
        messaging.events.subscribe('conversation.*', (event) => background!.publish(event));
        await chat.publishPending();
        return;
      }
      // Subscribers first, so the events the relays publish find them.
      await notifications.start();
      await chat.publishPending();
      orders.relays.start();
      orders.worker.start();
      orders.retention.start();
    },
    async stop() {
      if (background) {
        await background.stop();
        const { acquired, waited, waitedMs } = writeLock!.stats;
        logger.info({ acquired, waited, waitedMs: Math.round(waitedMs) }, 'waits for the shared write lock');
        // Nothing of it runs here but the live streams, which this ends.
        return notifications.stop();
      }
      await orders.retention.stop();
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

/**
 * The one process runs every service, so its queue and bus are traced as the embedded process; the
 * metrics read depth and dead letters of both queues through the uninstrumented port.
 */
function instrumented(messaging: Messaging, telemetry: Telemetry | undefined): Messaging {
  if (!telemetry) return messaging;
  telemetry.metrics?.watchQueues(messaging.queue, [ordersPlacedQueue, deliverQueue]);
  return {
    queue: telemetry.queue(messaging.queue, 'embedded'),
    events: telemetry.events(messaging.events, 'embedded'),
    close: () => messaging.close(),
  };
}

function timed<M extends { parse(...args: never[]): unknown }>(
  model: M,
  telemetry: Telemetry | undefined,
): M {
  return telemetry ? telemetry.model(model) : model;
}

/** Applies every service's pending migrations; returns what was applied per service. */
export async function migrateAll(
  system: Pick<System, 'store' | 'migrations'>,
): Promise<Record<string, string[]>> {
  const applied: Record<string, string[]> = {};
  for (const set of system.migrations) applied[set.service] = (await system.store.migrate(set)).applied;
  return applied;
}

/**
 * Work for the background thread left by an earlier run: messages on the queue (waiting, delayed or in flight),
 * outbox rows not relayed, deliveries not handed to the queue. A table that cannot be read counts as work.
 */
async function pendingBackgroundWork(store: SqlStore): Promise<boolean> {
  const checks = [
    sql`select 1 from platform_queue_message limit 1`,
    sql`select 1 from orders_outbox where sent_at is null limit 1`,
    sql`select 1 from notifications_delivery where enqueued_at is null limit 1`,
  ];
  for (const check of checks) {
    try {
      if ((await check.execute(store.db)).rows.length > 0) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/** `queue`, waking the background thread after each message this thread sends or replays. */
function wakingQueue(queue: Queue, wake: () => void): Queue {
  return {
    ...queue,
    async send(name, body, options) {
      const id = await queue.send(name, body, options);
      wake();
      return id;
    },
    deadLetters: {
      ...queue.deadLetters,
      async replay(name, id) {
        const replayed = await queue.deadLetters.replay(name, id);
        if (replayed) wake();
        return replayed;
      },
    },
  };
}
