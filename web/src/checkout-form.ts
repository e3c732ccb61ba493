// What checkout checks before it sends, and the API's schema errors turned into the same plain words; one
// message per field, in the order the form shows them.
import { toE164 } from '@concierge/sdk';
import { day } from './format.js';

/** The form's fields in the order they appear, with what the error summary calls them. */
export const checkoutLabels: Record<string, string> = {
  deliveryDate: 'Delivery date',
  'deliveryAddress.line1': 'Street address',
  'deliveryAddress.line2': 'Apartment, suite',
  'deliveryAddress.city': 'City',
  'deliveryAddress.state': 'State',
  'deliveryAddress.postalCode': 'ZIP / postal code',
  'deliveryAddress.country': 'Country',
  'recipient.name': "Recipient's name",
  'recipient.phone': "Recipient's phone",
  cardMessage: 'Card message',
  'contact.email': 'Send order updates to',
  quantity: 'Quantity',
  paymentToken: 'Card',
  productId: 'Product',
};

/** The days a delivery can be booked: from `today` to `last`, both shop calendar dates (YYYY-MM-DD). */
export interface DeliveryDays {
  today: string;
  last: string;
}

const postalCodes: Record<string, { pattern: RegExp; message: string }> = {
  US: { pattern: /^\d{5}(-\d{4})?$/, message: 'Enter a 5-digit ZIP code, such as 10001' },
  CA: { pattern: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i, message: 'Enter the postal code, such as K1A 0B1' },
  GB: { pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i, message: 'Enter the postcode, such as SW1A 1AA' },
};

const emailPattern = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

function plainMessages(days: DeliveryDays, country: string): Record<string, string> {
  return {
    deliveryDate: `Choose a delivery day from today to ${day(days.last)}`,
    'deliveryAddress.line1': 'Enter the street address',
    'deliveryAddress.line2': 'Shorten the apartment or suite to 200 characters',
    'deliveryAddress.city': 'Enter the city',
    'deliveryAddress.state': 'Enter the state',
    'deliveryAddress.postalCode': postalCodes[country]?.message ?? 'Enter the postal code',
    'deliveryAddress.country': 'Choose a country',
    'recipient.name': "Enter the recipient's name",
    'recipient.phone': 'Enter a phone number such as (212) 555-0123, or +44 20 7946 0958 outside the US',
    cardMessage: 'Shorten the card message to 500 characters',
    'contact.email': 'Enter an e-mail address such as name@example.com',
    quantity: 'Enter a quantity from 1 to 100',
    paymentToken: 'Choose a card',
    productId: 'This product cannot be ordered; pick another one in the chat',
  };
}

/** Field name → what to fix, for what the API would refuse; empty when the form can be sent. */
export function checkoutProblems(
  value: (name: string) => string,
  days: DeliveryDays,
): Record<string, string> {
  const country = value('deliveryAddress.country');
  const plain = plainMessages(days, country);
  const wrong = new Set<string>();
  const date = value('deliveryDate');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date < days.today || date > days.last) wrong.add('deliveryDate');
  for (const name of [
    'deliveryAddress.line1',
    'deliveryAddress.city',
    'deliveryAddress.state',
    'recipient.name',
  ])
    if (!value(name)) wrong.add(name);
  const postalCode = value('deliveryAddress.postalCode');
  const postal = postalCodes[country]?.pattern ?? /^[A-Za-z0-9 -]{1,20}$/;
  if (!postal.test(postalCode)) wrong.add('deliveryAddress.postalCode');
  const phone = value('recipient.phone');
  if (phone && !toE164(phone)) wrong.add('recipient.phone');
  const email = value('contact.email');
  if (email && (email.length > 254 || !emailPattern.test(email))) wrong.add('contact.email');
  const quantity = Number(value('quantity') || '1');
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 100) wrong.add('quantity');
  return inFormOrder(Object.fromEntries([...wrong].map((name) => [name, plain[name] ?? name])));
}

/**
 * The API's 400 details (`body.deliveryAddress.line1` → "must NOT have fewer than 1 characters") as the
 * form's own messages on the field the user fixes.
 */
export function plainServerErrors(
  fields: Record<string, string>,
  days: DeliveryDays,
  country: string,
): Record<string, string> {
  const plain = plainMessages(days, country);
  const mapped: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    // A oneOf address error names the whole address; it shows on its first line.
    const name = path === 'deliveryAddress' ? 'deliveryAddress.line1' : path;
    mapped[name] ??= plain[name] ?? message;
  }
  return inFormOrder(mapped);
}

function inFormOrder(fields: Record<string, string>): Record<string, string> {
  const order = Object.keys(checkoutLabels);
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => rank(a) - rank(b)));
}
