// What the orders service needs from its host: store, queue, event bus, catalog, payments and tunables.
import type { ConsumeOptions, EventBus, Logger, Queue, SqlStore } from '@concierge/platform';
import type { CatalogClient } from './catalog/catalog.client.js';
import type { PaymentProcessor } from './payments/payment.port.js';
import type { RetentionPolicy } from './retention/retention.js';

export interface OrdersOptions {
  /** The shop's IANA time zone; delivery dates are its calendar days. Default America/New_York. */
  timeZone?: string;
  /** How many days ahead a delivery may be booked. Default 30. */
  deliveryWindowDays?: number;
  /** Each charge is abandoned (and retried) after this long. Default 10 s. */
  paymentTimeoutMs?: number;
  /** Overrides of the worker's consumer settings (concurrency, retries, visibility). */
  worker?: ConsumeOptions;
  /** How often idle relays look at the outbox. Default 200 ms. */
  relayPollMs?: number;
  /** Each queue send or event publish of a relay is abandoned after this long. Default 5 s. */
  relayTimeoutMs?: number;
  /** Outbox rows a relay reads per round. Default 500. */
  relayBatchSize?: number;
  /** Sends (or publishes) of a relay awaiting their acknowledgement at once. Default 128. */
  relayInFlight?: number;
  /** How long idempotency keys, delivered outbox rows and dedup records are kept (see retention.ts). */
  retention?: Partial<RetentionPolicy>;
}

export interface OrdersDeps {
  store: SqlStore;
  queue: Queue;
  events: EventBus;
  catalog: CatalogClient;
  payments: PaymentProcessor;
  logger?: Pick<Logger, 'error' | 'warn' | 'info'>;
  options?: OrdersOptions;
  /**
   * Called after each commit that wrote outbox rows; defaults to waking this instance's relays. A host
   * whose relays run elsewhere (the embedded mode's background thread) wakes them there.
   */
  onWritten?: () => void;
  /** Defaults to the system clock. */
  now?: () => Date;
  /** Defaults to `prefixedId`. */
  newId?: (prefix: string) => string;
}
