// Converts order rows to the wire shape and to the data of order.* events.
import type { OrderTable } from '../orders.tables.js';
import type { Contact, DeliveryAddress, Order, Recipient } from './order.types.js';

const parse = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T));

export function toOrder(row: OrderTable): Order {
  return {
    id: row.id,
    status: row.status,
    productId: row.product_id,
    productName: row.product_name,
    quantity: Number(row.quantity),
    amount: { amount: Number(row.amount), currency: row.currency },
    deliveryAddress: JSON.parse(row.delivery_address) as DeliveryAddress,
    deliveryDate: row.delivery_date,
    recipient: parse<Recipient>(row.recipient),
    cardMessage: row.card_message,
    ...(row.confirmation_number ? { confirmationNumber: row.confirmation_number } : {}),
    ...(row.failure_message ? { failureReason: row.failure_message } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What every order.* event carries so consumers never read this service's tables. */
export function eventBasics(row: OrderTable) {
  const contact = parse<Contact>(row.contact);
  return {
    orderId: row.id,
    userId: row.user_id,
    productName: row.product_name,
    ...(contact ? { contact } : {}),
  };
}

/** The order.placed data, which is also the body of the `orders.placed` queue message. */
export function placedData(row: OrderTable) {
  const recipient = parse<Recipient>(row.recipient);
  return {
    ...eventBasics(row),
    productId: row.product_id,
    quantity: Number(row.quantity),
    amount: { amount: Number(row.amount), currency: row.currency },
    deliveryAddress: JSON.parse(row.delivery_address) as DeliveryAddress,
    deliveryDate: row.delivery_date,
    ...(recipient ? { recipient } : {}),
    ...(row.card_message !== null ? { cardMessage: row.card_message } : {}),
    paymentToken: row.payment_token,
  };
}
