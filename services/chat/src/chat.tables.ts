// Row shapes of the tables the chat service owns, as Kysely sees them.
import type { Kysely } from 'kysely';

export interface ConversationTable {
  id: string;
  owner_id: string;
  title: string | null;
  kind: 'shopping' | 'dining' | null;
  started_at: string;
  updated_at: string;
  message_count: number;
}

export interface MessageTable {
  conversation_id: string;
  seq: number;
  /** `user` or `concierge`. */
  author: string;
  /** The wire `Message` as JSON. */
  message: string;
  created_at: string;
}

export interface LastSearchTable {
  user_id: string;
  /** A `DiningSearch` as JSON. */
  search: string;
  updated_at: string;
}

export interface PendingDeliveryTable {
  id: string;
  event_type: string;
  /** The event envelope as JSON. */
  envelope: string;
  created_at: string;
  published_at: string | null;
}

export interface ChatTables {
  chat_conversation: ConversationTable;
  chat_message: MessageTable;
  chat_last_search: LastSearchTable;
  chat_pending_delivery: PendingDeliveryTable;
}

export type ChatDb = Kysely<ChatTables>;
