// The chat service: the concierge's conversations over the NLU engine, dialog state in a cache, history in SQL.
import type { ServiceMigrations, ServiceModule } from '@concierge/platform';
import type { ChatDeps } from './chat.deps.js';
import type { ChatDb } from './chat.tables.js';
import { ConversationService } from './conversation.service.js';
import { DialogManager } from './dialog/dialog-manager.js';
import { DialogStateStore } from './dialog/state-store.js';
import {
  diningSuggestedNotifier,
  type NotifierDeps,
  publishRecorded,
} from './events/dining-suggested.notifier.js';
import { chatOperations } from './http/chat.operations.js';
import { HistoryService } from './http/history.js';
import { chatMigrations } from './migrations/chat.migrations.js';
import { cachedLexicon } from './recommend/cached-lexicon.js';
import { createRecommender } from './recommend/recommender.js';
import { BatchedWrites } from './store/batched-writes.js';
import { ConversationRepository } from './store/conversation.repository.js';
import { LastSearchRepository } from './store/last-search.repository.js';
import { PendingDeliveryRepository } from './store/pending-delivery.repository.js';

export type { ChatDeps } from './chat.deps.js';
export type { DialogState, Reply } from './dialog/dialog.types.js';
export { loadChatModel } from './model.js';
export {
  inProcessOrdersClient,
  type OrderInfo,
  type OrdersClient,
  type OrdersClientOptions,
} from './orders/orders-client.js';
export { type CatalogClient, inProcessCatalogClient } from './recommend/catalog-client.js';
export { chatMigrations };

export interface ChatService {
  /** The operations the gateway routes to, by operationId. */
  module: ServiceModule;
  migrations: ServiceMigrations;
  /** Runs turns in process (benchmarks, the console); the module's operations use the same. */
  conversations: ConversationService;
  /** Publishes the pending `conversation.dining_suggested` deliveries once a bus is wired; returns how many. */
  publishPending(): Promise<number>;
}

/**
 * Wires the chat over a store, a cache, the catalog, the orders and a loaded model. Run `store.migrate(chat.migrations)` first.
 * @example
 * const chat = createChatService({
 *   store,
 *   cache,
 *   catalog: inProcessCatalogClient(catalog.module),
 *   orders: inProcessOrdersClient(orders.module),
 *   model,
 * });
 * await store.migrate(chat.migrations);
 */
export function createChatService(deps: ChatDeps): ChatService {
  const db = deps.store.db as ChatDb;
  const now = deps.now ?? (() => new Date());
  const lexicon = cachedLexicon(deps.catalog, now);
  const pending = new PendingDeliveryRepository(db);
  // One writer for the chat's tables, so the writes of turns running at the same time share a transaction
  // (on SQLite the store's group commit does that).
  const writes = new BatchedWrites(db, { direct: deps.store.dialect === 'sqlite' });
  const notifierDeps: NotifierDeps = {
    pending,
    lexicon,
    now,
    events: deps.events,
    onPublishError: deps.onPublishError,
  };
  const dialog = new DialogManager({
    model: deps.model,
    lexicon,
    recommender: createRecommender(deps.catalog),
    lastSearches: new LastSearchRepository(db, now, writes),
    notifier: diningSuggestedNotifier(notifierDeps),
    tables: deps.catalog,
    orders: deps.orders,
  });
  const conversationRepository = new ConversationRepository(db, writes);
  const states = new DialogStateStore(deps.cache, { idleTtlMs: deps.idleTtlMs, now });
  const conversations = new ConversationService(
    conversationRepository,
    states,
    dialog,
    now,
    deps.defaultTimeZone ?? 'America/New_York',
  );
  const history = new HistoryService(conversationRepository, conversations);
  return {
    module: { name: 'chat', operations: chatOperations(conversations, history) },
    migrations: chatMigrations,
    conversations,
    async publishPending() {
      let published = 0;
      for (const event of await pending.pending())
        if (await publishRecorded(notifierDeps, event)) published += 1;
      return published;
    },
  };
}
