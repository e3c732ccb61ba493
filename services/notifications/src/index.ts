// The notifications service: e-mail, SMS, webhooks and live updates about orders and dining suggestions.
import {
  type Consumer,
  type EventHandler,
  type MessageHandler,
  prefixedId,
  type ServiceMigrations,
  type ServiceModule,
  type Subscription,
} from '@concierge/platform';
import { emailChannel } from './channels/email.channel.js';
import { smsChannel } from './channels/sms.channel.js';
import { webhookChannel } from './channels/webhook.channel.js';
import { eventConsumer } from './consumers/event.consumer.js';
import { DeliveryEnqueuer } from './deliveries/delivery.enqueuer.js';
import { deliveryOperations } from './deliveries/delivery.operations.js';
import { DeliveryRepository } from './deliveries/delivery.repository.js';
import { deliverQueue, deliveryWorker } from './deliveries/delivery.worker.js';
import { DeliveryLogService } from './deliveries/delivery-log.service.js';
import { consumedEventTypes } from './events/event-data.types.js';
import { liveOperations } from './live/live.operations.js';
import { LiveHub } from './live/live-hub.js';
import { LiveLogRepository } from './live/live-log.repository.js';
import { notificationsMigrations } from './migrations/notifications.migrations.js';
import type { NotificationsDeps } from './notifications.deps.js';
import type { NotificationsDb } from './notifications.tables.js';
import { preferenceOperations } from './preferences/preference.operations.js';
import { PreferenceRepository } from './preferences/preference.repository.js';
import { PreferenceService } from './preferences/preference.service.js';

export type { ChannelSender } from './channels/channel.js';
export type { WebhookChannelOptions } from './channels/webhook.channel.js';
export type { Delivery } from './deliveries/delivery.mapper.js';
export { deliverQueue } from './deliveries/delivery.worker.js';
export { LiveHub } from './live/live-hub.js';
export type { NotificationsDeps } from './notifications.deps.js';
export type { Preferences } from './preferences/preference.types.js';
export {
  createSandboxSmsProvider,
  type SandboxSms,
  type SandboxSmsProvider,
  sandboxRejectedNumber,
} from './sms/sandbox-sms.provider.js';
export type { AwsCredentials } from './sms/sigv4-signer.js';
export type { SmsMessage, SmsProvider, SmsReceipt } from './sms/sms-provider.port.js';
export { type SmsEncoding, type SmsSegments, smsSegments } from './sms/sms-segments.js';
export { createSnsSmsProvider, type SnsSmsProviderOptions } from './sms/sns-sms.provider.js';
export { signWebhook, verifyWebhookSignature } from './webhooks/webhook-signature.js';
export { notificationsMigrations };

export interface NotificationsService {
  /** The operations the gateway routes to, by operationId. */
  module: ServiceModule;
  migrations: ServiceMigrations;
  /** Subscribes the event consumers, starts the delivery workers and the enqueue sweep. */
  start(): Promise<void>;
  /** Unsubscribes, ends open live streams and waits for deliveries in flight. */
  stop(): Promise<void>;
  /** What `start()` wires, for hosts that receive events and messages themselves (AWS Lambda). */
  handlers: {
    /** Records one consumed event and plans its deliveries (idempotent by event id). */
    event: EventHandler;
    /** Sends one `notifications.deliver` message. */
    deliver: MessageHandler;
  };
}

const defaultRetry = { maxAttempts: 8, baseDelayMs: 2_000, maxDelayMs: 300_000 };

/**
 * Wires notifications over a store, an event bus, a queue and the channels. Migrate before `start()`.
 * @example
 * const notifications = createNotificationsService({ store, events, queue, mailer, sms, webhooks: { secret } });
 * await store.migrate(notifications.migrations);
 * await notifications.start();
 */
export function createNotificationsService(deps: NotificationsDeps): NotificationsService {
  const db = deps.store.db as NotificationsDb;
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? prefixedId;
  const retry = { ...defaultRetry, ...deps.retry };
  const deliveries = new DeliveryRepository(db);
  const preferences = new PreferenceRepository(db);
  const liveLog = new LiveLogRepository(db, deps.liveLogSize ?? 200);
  const hub = deps.hub ?? new LiveHub();
  const enqueuer = new DeliveryEnqueuer(deps.queue, deliveries, now);
  const channels = {
    email: emailChannel(deps.mailer),
    sms: smsChannel(deps.sms),
    webhook: webhookChannel(deps.webhooks),
  };
  let shutdown = new AbortController();
  const operations = {
    ...preferenceOperations(new PreferenceService(preferences, now)),
    ...deliveryOperations(new DeliveryLogService(deliveries)),
    ...liveOperations(liveLog, hub, {
      heartbeatMs: deps.heartbeatMs ?? 15_000,
      pollMs: deps.livePollMs ?? 2_000,
      shutdown: () => shutdown.signal,
    }),
  };
  const consume = eventConsumer({
    db,
    deliveries,
    preferences,
    liveLog,
    hub,
    enqueuer,
    operatorEmail: deps.operatorEmail,
    newId: () => newId('dlv'),
    now,
  });
  const deliver = deliveryWorker(deliveries, channels, retry, now, deps.logger);
  let subscriptions: Subscription[] = [];
  let worker: Consumer | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  const sweep = () =>
    enqueuer.enqueue().catch((error) => deps.logger?.error({ err: error }, 'delivery sweep failed'));
  return {
    module: { name: 'notifications', operations },
    migrations: notificationsMigrations,
    handlers: {
      event: consume as EventHandler,
      deliver: deliver as MessageHandler,
    },
    async start() {
      shutdown = new AbortController();
      subscriptions = consumedEventTypes.map((type) => deps.events.subscribe(type, consume));
      worker = deps.queue.consume(deliverQueue, deliver, { concurrency: deps.concurrency ?? 4, retry });
      await sweep();
      sweeper = setInterval(sweep, deps.sweepIntervalMs ?? 30_000);
      sweeper.unref();
    },
    async stop() {
      clearInterval(sweeper);
      shutdown.abort();
      await Promise.all(subscriptions.map((s) => s.unsubscribe()));
      subscriptions = [];
      await worker?.stop();
      worker = undefined;
    },
  };
}
