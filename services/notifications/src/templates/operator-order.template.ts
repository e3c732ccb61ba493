// The shop's copy of every order event (the lecture's "sends notification to us").
import type { EventEnvelope } from '@concierge/platform';
import type { OrderEventData } from '../events/event-data.types.js';
import { html } from './escape-html.js';
import { page } from './format.js';
import type { EmailContent } from './message.types.js';

/** One line per known field, so the operator sees the whole event without opening a tool. */
export function operatorOrderEmail(event: EventEnvelope<OrderEventData>): EmailContent {
  const d = event.data;
  const fields = Object.entries(d).filter(([key]) => key !== 'contact' && key !== 'paymentToken');
  const line = (value: unknown) => (typeof value === 'object' ? JSON.stringify(value) : String(value));
  return {
    subject: `[Concierge] ${event.type} ${d.orderId}`,
    text: [`${event.type} at ${event.occurredAt}`, ...fields.map(([k, v]) => `${k}: ${line(v)}`)].join('\n'),
    html: page(
      html`<p>${event.type} at ${event.occurredAt}</p>` +
        `<table>${fields.map(([k, v]) => html`<tr><th align="left">${k}</th><td>${line(v)}</td></tr>`).join('')}</table>`,
    ),
  };
}
