// "We received your order": sent when a checkout is accepted, before payment.
import type { OrderPlaced } from '../events/event-data.types.js';
import { html } from './escape-html.js';
import { formatMoney, page } from './format.js';
import type { Template } from './message.types.js';

export const orderPlacedTemplate: Template<OrderPlaced> = {
  name: 'order.placed',
  email: (d) => ({
    subject: `We received your order ${d.orderId}`,
    text: [
      `Thank you! We received your order ${d.orderId}: ${d.quantity} × ${d.productName} (${formatMoney(d.amount)}), for delivery on ${d.deliveryDate}.`,
      d.recipient ? `Recipient: ${d.recipient.name}` : '',
      d.cardMessage ? `Card message: ${d.cardMessage}` : '',
      'We will write again once the payment went through.',
    ]
      .filter(Boolean)
      .join('\n'),
    html: page(
      html`<p>Thank you! We received your order <b>${d.orderId}</b>: ${d.quantity} &times; ${d.productName} (${formatMoney(d.amount)}), for delivery on ${d.deliveryDate}.</p>` +
        (d.recipient ? html`<p>Recipient: ${d.recipient.name}</p>` : '') +
        (d.cardMessage ? html`<p>Card message: <i>${d.cardMessage}</i></p>` : '') +
        '<p>We will write again once the payment went through.</p>',
    ),
  }),
  sms: (d) => ({ text: `Concierge: order ${d.orderId} received (${d.productName}). We'll confirm shortly.` }),
};
