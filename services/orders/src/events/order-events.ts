// Builds order.* events in the envelope of api/events and the outbox rows that carry them.
import type { EventEnvelope } from '@concierge/platform';
import type { NewOutboxRow } from '../outbox/outbox.repository.js';

export const ordersPlacedQueue = 'orders.placed';

const traceparentPattern = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

export interface Stamp {
  id: (prefix: string) => string;
  at: string;
  traceparent?: string | undefined;
}

export function eventRow(type: string, data: object, stamp: Stamp): NewOutboxRow {
  const envelope: EventEnvelope = {
    id: stamp.id('evt'),
    type,
    version: 1,
    occurredAt: stamp.at,
    ...(stamp.traceparent && traceparentPattern.test(stamp.traceparent)
      ? { traceparent: stamp.traceparent }
      : {}),
    data,
  };
  return {
    id: envelope.id,
    kind: 'event',
    topic: type,
    payload: JSON.stringify(envelope),
    headers: '{}',
    created_at: stamp.at,
  };
}

/** The work item for the payment worker; its id is the queue message id (a relay resend enqueues it once). */
export function placedMessageRow(data: object, stamp: Stamp): NewOutboxRow {
  const headers = stamp.traceparent
    ? { traceparent: stamp.traceparent, 'event-type': 'order.placed' }
    : { 'event-type': 'order.placed' };
  return {
    id: stamp.id('msg'),
    kind: 'queue',
    topic: ordersPlacedQueue,
    payload: JSON.stringify(data),
    headers: JSON.stringify(headers),
    created_at: stamp.at,
  };
}
