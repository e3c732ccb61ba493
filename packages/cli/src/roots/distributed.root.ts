// Composition root of the distributed mode: one process runs the services named by CONCIERGE_SERVICES
// (from the same build), on PostgreSQL, Redis and NATS JetStream. The gateway process holds identity
// (the authorizer and the OpenID provider live at the edge) and reaches every other service over HTTP
// (keep-alive pools, deadlines, idempotent-only retries, a circuit breaker per service); services reach
// each other the same way (orders → catalog, chat → catalog and orders).
import path from 'node:path';
import { createCatalogService } from '@concierge/catalog';
import {
  createChatService,
  inProcessCatalogClient,
  inProcessOrdersClient,
  loadChatModel,
} from '@concierge/chat';
import {
  type ApiDocument,
  buildGateway,
  inProcessClient,
  loadApiDocument,
  type ServiceClient,
} from '@concierge/gateway';
import { deliverQueue } from '@concierge/notifications';
import {
  createInProcessCatalogClient,
  createOrdersService,
  createSandboxProcessor,
  ordersPlacedQueue,
} from '@concierge/orders';
import {
  AppError,
  type ConciergeConfig,
  createHttpServiceClient,
  createServiceHost,
  type HttpServiceClient,
  type Logger,
  type Mailer,
  type OperationRequest,
  type ServiceMigrations,
  type ServiceModule,
  type SqlStore,
} from '@concierge/platform';
import { apiDocumentFile, installRoot } from '../locate.js';
import { createCache, createMailer, createStore } from './adapters.js';
import { assembleIdentity } from './identity.root.js';
import { type Messaging, openMessaging } from './messaging.js';
import { createNotifications } from './notifications.root.js';
import type { Telemetry } from './telemetry.root.js';

export const serviceRoles = [
  'gateway',
  'catalog',
  'chat',
  'orders',
  'orders-worker',
  'notifications',
] as const;
export type ServiceRole = (typeof serviceRoles)[number];

/** The roles named by CONCIERGE_SERVICES; `all` is the embedded mode and is not a role here. */
export function parseRoles(names: readonly string[]): ServiceRole[] {
  const unknown = names.filter((n) => !(serviceRoles as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) {
    throw new AppError('invalid', `CONCIERGE_SERVICES: unknown service ${unknown.join(', ') || '(none)'}`, {
      code: 'INVALID_CONFIG',
      details: [{ field: 'CONCIERGE_SERVICES', message: `use any of ${serviceRoles.join(', ')} or all` }],
    });
  }
  return [...new Set(names)] as ServiceRole[];
}

export interface ServiceProcess {
  roles: ServiceRole[];
  store: SqlStore;
  migrations: ServiceMigrations[];
  /** The adapters `/readyz` checks (also served on the operator port). */
  readiness: { name: string; check(): Promise<void> }[];
  /** Binds the HTTP side (gateway or service host); returns the port. */
  listen(host: string, port: number): Promise<number>;
  /** Starts consumers, relays and workers. */
  start(): Promise<void>;
  /** Answers 503 on /readyz so balancers stop sending, then stops consumers. */
  stop(): Promise<void>;
  /** Stops accepting and drains HTTP. */
  closeHttp(): Promise<void>;
  close(): Promise<void>;
}

/** Operations that may be sent twice: safe or idempotent methods, or a request carrying an Idempotency-Key. */
export function idempotency(document: ApiDocument): (request: OperationRequest) => boolean {
  const safe = new Set(
    [...document.operations.values()]
      .filter((o) => ['get', 'head', 'put', 'delete', 'options'].includes(o.method.toLowerCase()))
      .map((o) => o.operationId),
  );
  return (request) => safe.has(request.operationId) || typeof request.headers['idempotency-key'] === 'string';
}

export async function assembleServiceProcess(
  config: ConciergeConfig,
  logger: Logger,
  telemetry?: Telemetry,
): Promise<ServiceProcess> {
  const roles = parseRoles(config.services);
  const has = (r: ServiceRole) => roles.includes(r);
  const root = installRoot();
  const document = loadApiDocument(apiDocumentFile(root));
  const store = createStore(config, logger);
  const cache = createCache(config, logger);
  const needsMail = has('gateway') || has('notifications');
  const mailer: Mailer | undefined = needsMail ? createMailer(config, logger) : undefined;
  const needsMessaging = has('chat') || has('orders') || has('orders-worker') || has('notifications');
  const opened: Messaging | undefined = needsMessaging
    ? await openMessaging(config, logger, store, roles.join('+'))
    : undefined;
  const messaging = opened && instrumented(opened, roles, telemetry);
  const remote: HttpServiceClient = createHttpServiceClient({
    urls: config.serviceUrls,
    timeoutMs: config.serviceTimeoutMs,
    isIdempotent: idempotency(document),
    logger,
  });

  const local: ServiceModule[] = [];
  const migrations: ServiceMigrations[] = [];
  const starters: (() => Promise<void>)[] = [];
  const stoppers: (() => Promise<void>)[] = [];
  const closers: (() => Promise<void>)[] = [];

  const catalog = has('catalog')
    ? createCatalogService({ store, productCacheMs: config.catalog.productCacheMs })
    : undefined;
  if (catalog) {
    local.push(catalog.module);
    migrations.push(catalog.migrations);
  }
  // Services call catalog operations the API does not expose (reserveStock...): any operation goes.
  const catalogModule = catalog?.module ?? remote.module('catalog');

  let ordersModule: ServiceModule | undefined;
  if (has('orders') || has('orders-worker')) {
    const payments = createSandboxProcessor({ store });
    const orders = createOrdersService({
      store,
      queue: messaging!.queue,
      events: messaging!.events,
      catalog: createInProcessCatalogClient(catalogModule),
      payments,
      logger: logger.child({ service: 'orders' }),
    });
    migrations.push(payments.migrations, orders.migrations);
    if (has('orders')) {
      ordersModule = orders.module;
      local.push(orders.module);
      // The relays live with the writes that wake them; the outbox keeps what they have not sent yet.
      starters.push(async () => orders.relays.start());
      stoppers.push(() => orders.relays.stop());
    }
    if (has('orders-worker')) {
      starters.push(async () => void orders.worker.start());
      stoppers.push(() => orders.worker.stop());
    }
  }

  if (has('chat')) {
    const chat = createChatService({
      store,
      cache,
      catalog: inProcessCatalogClient(catalogModule),
      // The caller's orders: over HTTP (the `orders` entry of CONCIERGE_SERVICE_URLS) unless served here.
      orders: inProcessOrdersClient(ordersModule ?? remote.module('orders', ['listOrders', 'cancelOrder'])),
      model: timedModel(
        loadChatModel({
          dataDir: config.dataDir,
          botFile: path.join(root, 'services', 'chat', 'bot', 'concierge.bot.yaml'),
          onProgress: (message) => logger.info(message),
        }),
        telemetry,
      ),
      events: messaging!.events,
      onPublishError: (err, event) => logger.error({ err, eventId: event.id }, 'chat event not published'),
    });
    local.push(chat.module);
    migrations.push(chat.migrations);
    starters.push(async () => void (await chat.publishPending()));
  }

  if (has('notifications')) {
    const notifications = createNotifications({ config, logger, store, mailer: mailer!, ...messaging! });
    local.push(notifications.module);
    migrations.push(notifications.migrations);
    starters.push(async () => void (await notifications.start()));
    stoppers.push(() => notifications.stop());
  }

  // Each operation this process serves runs in a span, child of the caller's traceparent (sent over the hop).
  const served = local.map((module) => telemetry?.module(module) ?? module);
  local.splice(0, local.length, ...served);

  const readiness = [
    { name: 'store', check: () => store.check() },
    { name: 'cache', check: () => cache.check() },
    ...(messaging ? [{ name: 'queue', check: () => messaging.queue.check() }] : []),
  ];

  let listen: ServiceProcess['listen'];
  let drain: () => void;
  let closeHttp: () => Promise<void>;
  if (has('gateway')) {
    const identity = await assembleIdentity({ config, logger, store, cache, mailer: mailer!, document });
    migrations.push(...identity.migrations);
    local.push(identity.identity.module);
    closers.push(() => identity.close());
    const inProcess = inProcessClient(local);
    const here = new Set(local.map((m) => m.name));
    const client: ServiceClient = {
      invoke: (service, request) =>
        here.has(service) ? inProcess.invoke(service, request) : remote.invoke(service, request),
    };
    const gateway = await buildGateway({
      document,
      logger,
      authenticator: identity.authenticator,
      client,
      readiness,
      bodyLimit: config.http.bodyLimit,
      corsOrigins: config.http.corsOrigins,
      webDir: config.webDir ?? path.join(root, 'dist', 'web'),
      ...(telemetry?.gateway ? { telemetry: telemetry.gateway } : {}),
    });
    await identity.mount(gateway.app);
    listen = async (host, port) => {
      await gateway.app.listen({ host, port });
      const address = gateway.app.server.address();
      return typeof address === 'object' && address ? address.port : port;
    };
    drain = () => gateway.drain();
    closeHttp = () => gateway.app.close();
  } else {
    const host = createServiceHost({ modules: local, readiness, logger, bodyLimit: config.http.bodyLimit });
    listen = (h, port) => host.listen(port, h);
    drain = () => host.drain();
    closeHttp = () => host.close();
  }

  return {
    roles,
    store,
    migrations,
    readiness,
    listen,
    async start() {
      for (const start of starters) await start();
    },
    async stop() {
      drain();
      for (const stop of stoppers) await stop();
    },
    closeHttp: () => closeHttp(),
    async close() {
      for (const close of closers) await close();
      await remote.close();
      await messaging?.close();
      await mailer?.close();
      await cache.close();
      await store.close();
    },
  };
}

/** Traces the queue and bus as this process's roles; metrics watch the queues this process consumes or fills. */
function instrumented(
  messaging: Messaging,
  roles: ServiceRole[],
  telemetry: Telemetry | undefined,
): Messaging {
  if (!telemetry) return messaging;
  const name = roles.join('+');
  const watched = [
    ...(roles.includes('orders') || roles.includes('orders-worker') ? [ordersPlacedQueue] : []),
    ...(roles.includes('notifications') ? [deliverQueue] : []),
  ];
  if (watched.length > 0) telemetry.metrics?.watchQueues(messaging.queue, watched);
  return {
    queue: telemetry.queue(messaging.queue, name),
    events: telemetry.events(messaging.events, name),
    close: () => messaging.close(),
  };
}

function timedModel<M extends { parse(...args: never[]): unknown }>(
  model: M,
  telemetry: Telemetry | undefined,
): M {
  return telemetry ? telemetry.model(model) : model;
}
