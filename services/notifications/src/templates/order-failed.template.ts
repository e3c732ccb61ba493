// "We could not complete your order": the worker gave up on it; nothing was charged.
import type { OrderFailed } from '../events/event-data.types.js';
import { html } from './escape-html.js';
import { page } from './format.js';
import type { Template } from './message.types.js';

export const orderFailedTemplate: Template<OrderFailed> = {
  name: 'order.failed',
  email: (d) => ({
    subject: `We could not complete your order ${d.orderId}`,
    text: `We could not complete your order ${d.orderId}${d.productName ? ` (${d.productName})` : ''}: ${d.message}\nNothing was charged.`,
    html: page(
      html`<p>We could not complete your order <b>${d.orderId}</b>${d.productName ? ` (${d.productName})` : ''}: ${d.message}</p><p>Nothing was charged.</p>`,
    ),
  }),
  sms: (d) => ({ text: `Concierge: order ${d.orderId} failed: ${d.message}` }),
};
