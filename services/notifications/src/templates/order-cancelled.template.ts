// "Your order was cancelled": by the customer or by the shop, while still pending.
import type { OrderCancelled } from '../events/event-data.types.js';
import { html } from './escape-html.js';
import { page } from './format.js';
import type { Template } from './message.types.js';

const by = (d: OrderCancelled) => (d.cancelledBy === 'operator' ? 'by the shop' : 'as you asked');

export const orderCancelledTemplate: Template<OrderCancelled> = {
  name: 'order.cancelled',
  email: (d) => ({
    subject: `Order ${d.orderId} cancelled`,
    text: `Your order ${d.orderId}${d.productName ? ` (${d.productName})` : ''} was cancelled ${by(d)}. Nothing was charged.`,
    html: page(
      html`<p>Your order <b>${d.orderId}</b>${d.productName ? ` (${d.productName})` : ''} was cancelled ${by(d)}. Nothing was charged.</p>`,
    ),
  }),
  sms: (d) => ({ text: `Concierge: order ${d.orderId} was cancelled ${by(d)}.` }),
};
