// What the notifications service needs from its host: ports, channel settings and tunables with defaults.
import type { EventBus, Logger, Mailer, Queue, RetryPolicy, SqlStore } from '@concierge/platform';
import type { WebhookChannelOptions } from './channels/webhook.channel.js';
import type { LiveHub } from './live/live-hub.js';
import type { SmsProvider } from './sms/sms-provider.port.js';

export interface NotificationsDeps {
  store: SqlStore;
  events: EventBus;
  /** Carries `notifications.deliver`; its dead letters are the deliveries given up on. */
  queue: Queue;
  mailer: Mailer;
  sms: SmsProvider;
  webhooks: WebhookChannelOptions;
  /** The shop's address: it gets a copy of every order event. */
  operatorEmail?: string;
  /** Retries of one delivery; defaults to 8 attempts, 2 s doubling up to 5 min. */
  retry?: Partial<RetryPolicy>;
  /** Deliveries sent at once by this instance; default 4. */
  concurrency?: number;
  /** How often unqueued deliveries are looked for again; default 30 s. */
  sweepIntervalMs?: number;
  /** Live events kept per user for Last-Event-ID resumption; default 200. */
  liveLogSize?: number;
  /**
   * Wakes this process's open live streams when a consumer appended to a user's log; a host whose
   * consumers run elsewhere passes the hub they notify (default: a hub of this instance).
   */
  hub?: LiveHub;
  /** SSE comment interval; default 15 s. */
  heartbeatMs?: number;
  /** SSE log poll interval when no in-process wake-up came; default 2 s. */
  livePollMs?: number;
  logger?: Pick<Logger, 'warn' | 'error'>;
  now?: () => Date;
  newId?: (prefix: string) => string;
}
