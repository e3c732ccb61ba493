// Row shapes of the tables the notifications service owns, as Kysely sees them.
import type { Generated, Kysely } from 'kysely';

export type DeliveryChannel = 'email' | 'sms' | 'webhook';

/** pending: not sent yet; failed: the last attempt failed and another is due; dead: given up (in the DLQ). */
export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'dead';

export interface DeliveryTable {
  id: string;
  /** The user the delivery is about; the operator's copies carry the customer's id too, see `audience`. */
  user_id: string;
  audience: 'customer' | 'operator';
  channel: DeliveryChannel;
  template: string;
  recipient: string;
  event_id: string;
  event_type: string;
  order_id: string | null;
  /** JSON of what is sent: `{subject, text, html}`, `{text}` or the event envelope. */
  content: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  /** Set once the delivery is on the queue; a sweep enqueues rows a crash left without it. */
  enqueued_at: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export interface ProcessedEventTable {
  event_id: string;
  consumer: string;
  processed_at: string;
}

export interface PreferenceTable {
  user_id: string;
  email: number;
  sms: number;
  webhook_url: string | null;
  updated_at: string;
}

export interface LiveEventTable {
  /** Monotonic per database, so "after seq N" is a plain indexed range. */
  seq: Generated<number>;
  user_id: string;
  event_id: string;
  event_type: string;
  envelope: string;
  created_at: string;
}

export interface NotificationsTables {
  notifications_delivery: DeliveryTable;
  notifications_processed_event: ProcessedEventTable;
  notifications_preference: PreferenceTable;
  notifications_live_event: LiveEventTable;
}

export type NotificationsDb = Kysely<NotificationsTables>;
