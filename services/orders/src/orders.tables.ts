// Row shapes of the tables the orders service owns, as Kysely sees them.
import type { Kysely } from 'kysely';

export type OrderStatus = 'pending' | 'confirmed' | 'failed' | 'cancelled';

export interface OrderTable {
  id: string;
  user_id: string;
  status: OrderStatus;
  product_id: string;
  product_name: string;
  quantity: number;
  amount: number;
  currency: string;
  /** JSON: the one-line string or the structured address, as sent. */
  delivery_address: string;
  delivery_date: string;
  /** JSON or null. */
  recipient: string | null;
  card_message: string | null;
  /** JSON or null. */
  contact: string | null;
  payment_token: string;
  confirmation_number: string | null;
  payment_id: string | null;
  failure_reason: string | null;
  failure_message: string | null;
  created_at: string;
  updated_at: string;
}

/** The first answer to a checkout per (caller, Idempotency-Key), with a hash of the body it answered. */
export interface IdempotencyTable {
  user_id: string;
  key: string;
  request_hash: string;
  order_id: string;
  /** JSON of the 202 body. */
  response: string;
  created_at: string;
}

/** Work committed with the state change that caused it, delivered later by a relay (`queue` or `event`). */
export interface OutboxTable {
  id: string;
  kind: 'queue' | 'event';
  /** Queue name, or event type. */
  topic: string;
  /** JSON: the queue message body, or the whole event envelope. */
  payload: string;
  /** JSON object of message headers. */
  headers: string;
  created_at: string;
  sent_at: string | null;
}

/** Messages and events a consumer already acted on, written in the same transaction as the effect. */
export interface ProcessedMessageTable {
  consumer: string;
  message_id: string;
  processed_at: string;
}

export interface OrdersTables {
  orders_order: OrderTable;
  orders_idempotency: IdempotencyTable;
  orders_outbox: OutboxTable;
  orders_processed_message: ProcessedMessageTable;
}

export type OrdersDb = Kysely<OrdersTables>;
