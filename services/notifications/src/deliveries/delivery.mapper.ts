// A delivery row as the API shows it (`Delivery` in api/openapi.yaml).
import type { DeliveryChannel, DeliveryTable } from '../notifications.tables.js';
import { maskDestination } from './mask-destination.js';

export interface Delivery {
  id: string;
  channel: DeliveryChannel;
  status: 'pending' | 'sent' | 'failed';
  destination: string;
  eventType: string;
  orderId?: string;
  attempts: number;
  error?: string;
  createdAt: string;
  sentAt?: string;
}

// A failed attempt that will be retried is still pending to the customer; only a dead one has failed.
const wireStatus = { pending: 'pending', failed: 'pending', sent: 'sent', dead: 'failed' } as const;

export function toDelivery(row: DeliveryTable): Delivery {
  return {
    id: row.id,
    channel: row.channel,
    status: wireStatus[row.status],
    destination: maskDestination(row.channel, row.recipient),
    eventType: row.event_type,
    ...(row.order_id ? { orderId: row.order_id } : {}),
    attempts: Math.min(row.attempts, 100),
    ...(row.last_error ? { error: row.last_error } : {}),
    createdAt: row.created_at,
    ...(row.sent_at ? { sentAt: row.sent_at } : {}),
  };
}
