// What the chat service needs from its host: store, cache, the catalog, the orders, the trained model; the rest is optional.
import type { NluModel } from '@concierge/nlu';
import type { Cache, EventBus, EventEnvelope, SqlStore } from '@concierge/platform';
import type { OrdersClient } from './orders/orders-client.js';
import type { CatalogClient } from './recommend/catalog-client.js';

export interface ChatDeps {
  store: SqlStore;
  /** Dialog state and per-conversation locks: memory embedded, Redis when distributed. */
  cache: Cache;
  catalog: CatalogClient;
  /** The caller's own orders, read (and a pending one cancelled) through the orders service. */
  orders: OrdersClient;
  /** Loaded at start with `loadChatModel`; never trained on the request path. */
  model: NluModel;
  /** Absent until the notifications service subscribes; events then wait as pending deliveries. */
  events?: EventBus;
  /** Idle time after which a dialog starts afresh. Default 30 minutes. */
  idleTtlMs?: number;
  /** Used when a request names no time zone. Default America/New_York, where the restaurants are. */
  defaultTimeZone?: string;
  now?: () => Date;
  onPublishError?: (error: unknown, event: EventEnvelope) => void;
}
