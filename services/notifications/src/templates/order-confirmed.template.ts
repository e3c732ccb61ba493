// "Your order is confirmed": the payment went through; carries the confirmation number.
import type { OrderConfirmed } from '../events/event-data.types.js';
import { html } from './escape-html.js';
import { formatMoney, page } from './format.js';
import type { Template } from './message.types.js';

export const orderConfirmedTemplate: Template<OrderConfirmed> = {
  name: 'order.confirmed',
  email: (d) => ({
    subject: `Order ${d.orderId} confirmed (${d.confirmationNumber})`,
    text: `Your order ${d.orderId} is confirmed. Confirmation number: ${d.confirmationNumber}.\n${d.quantity} × ${d.productName}, ${formatMoney(d.amount)}, delivered on ${d.deliveryDate}.`,
    html: page(
      html`<p>Your order <b>${d.orderId}</b> is confirmed. Confirmation number: <b>${d.confirmationNumber}</b>.</p><p>${d.quantity} &times; ${d.productName}, ${formatMoney(d.amount)}, delivered on ${d.deliveryDate}.</p>`,
    ),
  }),
  sms: (d) => ({
    text: `Concierge: order ${d.orderId} confirmed, #${d.confirmationNumber}. Delivery ${d.deliveryDate}.`,
  }),
};
