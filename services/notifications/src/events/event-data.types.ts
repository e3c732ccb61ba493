// The `data` of the events this service consumes (api/events/*.json), as far as notifications read them.

export interface Money {
  amount: number;
  currency: string;
}

export interface Contact {
  email?: string;
  phone?: string;
}

interface OrderEventBase {
  orderId: string;
  userId: string;
  productName?: string;
  contact?: Contact;
}

export interface OrderPlaced extends OrderEventBase {
  productName: string;
  quantity: number;
  amount: Money;
  deliveryDate: string;
  recipient?: { name: string };
  cardMessage?: string;
}

export interface OrderConfirmed extends OrderEventBase {
  confirmationNumber: string;
  productName: string;
  quantity: number;
  amount: Money;
  deliveryDate: string;
}

export interface OrderFailed extends OrderEventBase {
  reason: string;
  message: string;
}

export interface OrderCancelled extends OrderEventBase {
  cancelledBy: 'customer' | 'operator';
}

export interface DiningSuggested {
  conversationId: string;
  userId: string;
  cuisine: string;
  area: string;
  date: string;
  time: string;
  partySize: number;
  email?: string;
  phone?: string;
  suggestions: Array<{ restaurantId: string; name: string; address: string; rating?: number; note?: string }>;
}

export type OrderEventData = OrderPlaced | OrderConfirmed | OrderFailed | OrderCancelled;

/** The event types this service consumes. */
export const consumedEventTypes = [
  'order.placed',
  'order.confirmed',
  'order.failed',
  'order.cancelled',
  'conversation.dining_suggested',
] as const;

export type ConsumedEventType = (typeof consumedEventTypes)[number];
