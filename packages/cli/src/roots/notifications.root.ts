// Wires the notifications service: mail through the configured mailer, SMS through the sandbox provider
// (records deliveries, splits segments as SNS does), webhooks signed with a key made at first start.
import { createNotificationsService, createSandboxSmsProvider, type LiveHub } from '@concierge/notifications';
import type { ConciergeConfig, EventBus, Logger, Mailer, Queue, SqlStore } from '@concierge/platform';
import { loadSecretKey } from './secret-key.js';

export interface NotificationsDeps {
  config: ConciergeConfig;
  logger: Logger;
  store: SqlStore;
  mailer: Mailer;
  queue: Queue;
  events: EventBus;
  /** Deliveries in flight at once (default 4). */
  concurrency?: number;
  /** The live-stream wake-ups (default: the service's own). */
  hub?: LiveHub;
}

export function createNotifications({
  config,
  logger,
  store,
  mailer,
  queue,
  events,
  concurrency,
  hub,
}: NotificationsDeps) {
  return createNotificationsService({
    ...(concurrency ? { concurrency } : {}),
    ...(hub ? { hub } : {}),
    store,
    events,
    queue,
    mailer,
    sms: createSandboxSmsProvider(),
    webhooks: { secret: loadSecretKey(config.dataDir, 'webhooks.key').toString('hex') },
    operatorEmail: config.mail.operatorEmail,
    logger: logger.child({ service: 'notifications' }),
  });
}
