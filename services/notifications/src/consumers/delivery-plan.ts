// Which deliveries one event yields: the customer's channels by preference, and the operator's copy.
import type { EventEnvelope } from '@concierge/platform';
import type {
  ConsumedEventType,
  Contact,
  DiningSuggested,
  OrderEventData,
} from '../events/event-data.types.js';
import type { DeliveryChannel, DeliveryTable } from '../notifications.tables.js';
import type { Preferences } from '../preferences/preference.types.js';
import { operatorOrderEmail } from '../templates/operator-order.template.js';
import { customerTemplates } from '../templates/templates.js';

export interface PlanContext {
  preferences: Preferences;
  /** Where the shop's copy of each order event goes; none when undefined. */
  operatorEmail: string | undefined;
  newId: () => string;
  at: string;
}

type Data = OrderEventData | DiningSuggested;

function contactOf(type: ConsumedEventType, data: Data): Contact {
  if (type === 'conversation.dining_suggested') {
    const d = data as DiningSuggested;
    return { ...(d.email ? { email: d.email } : {}), ...(d.phone ? { phone: d.phone } : {}) };
  }
  return (data as OrderEventData).contact ?? {};
}

export function planDeliveries(event: EventEnvelope<Data>, ctx: PlanContext): DeliveryTable[] {
  const type = event.type as ConsumedEventType;
  const template = customerTemplates[type];
  const orderId = 'orderId' in event.data ? event.data.orderId : null;
  // Dining suggestions were asked for in the conversation, to the address given there, so they go out
  // whatever the order-update preferences say.
  const asked = type === 'conversation.dining_suggested';
  const contact = contactOf(type, event.data);
  const row = (
    channel: DeliveryChannel,
    recipient: string,
    name: string,
    content: unknown,
  ): DeliveryTable => ({
    id: ctx.newId(),
    user_id: event.data.userId,
    audience: 'customer',
    channel,
    template: name,
    recipient,
    event_id: event.id,
    event_type: event.type,
    order_id: orderId,
    content: JSON.stringify(content),
    status: 'pending',
    attempts: 0,
    last_error: null,
    enqueued_at: null,
    created_at: ctx.at,
    updated_at: ctx.at,
    sent_at: null,
  });
  const rows: DeliveryTable[] = [];
  if (contact.email && (asked || ctx.preferences.email))
    rows.push(row('email', contact.email, template.name, template.email(event.data)));
  if (contact.phone && (asked || ctx.preferences.sms))
    rows.push(row('sms', contact.phone, template.name, template.sms(event.data)));
  if (ctx.preferences.webhookUrl)
    rows.push(row('webhook', ctx.preferences.webhookUrl, 'webhook.envelope', event));
  if (orderId && ctx.operatorEmail) {
    const copy = operatorOrderEmail(event as EventEnvelope<OrderEventData>);
    rows.push({ ...row('email', ctx.operatorEmail, 'operator.order', copy), audience: 'operator' });
  }
  return rows;
}
