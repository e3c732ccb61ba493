// The embedded mode's background work on a worker thread: the orders relays, payment worker and retention,
// and the notifications consumers, over the thread's own SQLite connection to the system's file (decision 0011).
import fs from 'node:fs';
import os from 'node:os';
import type { MessagePort } from 'node:worker_threads';
import { createCatalogService } from '@concierge/catalog';
import { LiveHub } from '@concierge/notifications';
import { createInProcessCatalogClient, createOrdersService, createSandboxProcessor } from '@concierge/orders';
import {
  type ConciergeConfig,
  createLogger,
  createSharedWriteLock,
  createSqliteStore,
  type EventEnvelope,
  flushLogger,
} from '@concierge/platform';
import { createMailer } from './adapters.js';
import { createMessaging } from './messaging.js';
import { createNotifications } from './notifications.root.js';

/** Messages from the HTTP thread. */
export type ToBackground =
  | { kind: 'wake' }
  | { kind: 'event'; id: number; event: EventEnvelope }
  | { kind: 'stop' };

/** Messages to the HTTP thread. */
export type FromBackground =
  | { kind: 'started' }
  | { kind: 'live'; userIds: string[] }
  | { kind: 'published'; id: number; error?: string }
  | { kind: 'stopped' };

export interface BackgroundData {
  role: 'concierge-background';
  config: ConciergeConfig;
  /** The write lock shared with the HTTP thread's store, which goes first when both wait. */
  writeLock: SharedArrayBuffer;
}

/**
 * A group of this connection holds SQLite's write lock until it commits, and the HTTP thread's checkouts
 * wait for that lock (busy_timeout): groups here stay short so that wait stays below a few milliseconds.
 */
const groupLimits = { maxUnits: 200, maxOpenMs: 2 };

/**
 * When the cores are all busy, requests go first: the thread runs at a lower priority (a nice value of
 * its own; on Linux `setpriority` of a thread id applies to that thread alone). It still gets every cycle
 * the HTTP thread leaves, and the backlog it leaves under a spike is drained once the spike is over.
 */
function lowerOwnPriority(logger: { warn(o: object, m: string): void }): void {
  if (!fs.existsSync('/proc/thread-self')) return; // not Linux: the normal priority
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (tid > 0) os.setPriority(tid, 10);
  } catch (error) {
    logger.warn({ err: error }, 'background thread runs at the normal priority');
  }
}

/** Live-stream wake-ups go to the HTTP thread, where the streams are, once per turn for all users at once. */
class ForwardingHub extends LiveHub {
  private users = new Set<string>();

  constructor(private readonly port: MessagePort) {
    super();
  }

  override notify(userId: string): void {
    if (this.users.size === 0) setImmediate(() => this.flush());
    this.users.add(userId);
  }

  private flush(): void {
    const userIds = [...this.users];
    this.users.clear();
    this.port.postMessage({ kind: 'live', userIds } satisfies FromBackground);
  }
}

export async function runBackgroundThread(port: MessagePort, data: BackgroundData): Promise<void> {
  const { config } = data;
  const logger = createLogger({ level: config.log.level, format: config.log.format }).child({
    thread: 'background',
  });
  lowerOwnPriority(logger);
  const writeLock = createSharedWriteLock({ state: data.writeLock, priority: false });
  const store = createSqliteStore({
    file: config.store.sqliteFile,
    groupCommit: { ...groupLimits, writeLock },
  });
  const messaging = createMessaging(config, logger, store);
  const mailer = createMailer(config, logger);
  const catalog = createCatalogService({ store, productCacheMs: config.catalog.productCacheMs });
  const notifications = createNotifications({
    config,
    logger,
    store,
    mailer,
    concurrency: 32,
    hub: new ForwardingHub(port),
    ...messaging,
  });
  const orders = createOrdersService({
    store,
    queue: messaging.queue,
    events: messaging.events,
    catalog: createInProcessCatalogClient(catalog.module),
    payments: createSandboxProcessor({ store }),
    logger: logger.child({ service: 'orders' }),
  });
  const send = (message: FromBackground) => port.postMessage(message);

  let stopRequested = false;
  const stop = async () => {
    await orders.retention.stop();
    await orders.worker.stop();
    await orders.relays.stop();
    await notifications.stop();
    await messaging.close();
    await mailer.close();
    await store.close();
    const { acquired, waited, waitedMs } = writeLock.stats;
    logger.info({ acquired, waited, waitedMs: Math.round(waitedMs) }, 'waits for the shared write lock');
    await flushLogger(logger);
    send({ kind: 'stopped' });
  };
  port.on('message', (message: ToBackground) => {
    if (message.kind === 'wake') orders.relays.wake();
    else if (message.kind === 'event')
      messaging.events.publish(message.event).then(
        () => send({ kind: 'published', id: message.id }),
        (error: unknown) => send({ kind: 'published', id: message.id, error: String(error) }),
      );
    else if (!stopRequested) {
      stopRequested = true;
      stop().catch((error: unknown) => {
        logger.error({ err: error }, 'background thread did not stop cleanly');
        send({ kind: 'stopped' });
      });
    }
  });

  // Subscribers first, so the events the relays publish find them.
  await notifications.start();
  orders.relays.start();
  orders.worker.start();
  orders.retention.start();
  send({ kind: 'started' });
}
