// The order as the API shows it, and the payloads of the events it causes.
import type { OrderStatus } from '../orders.tables.js';

export interface Money {
  amount: number;
  currency: string;
}

export type DeliveryAddress =
  | string
  | { line1: string; line2?: string; city: string; state: string; postalCode: string; country: string };

export interface Recipient {
  name: string;
  phone?: string;
}

export interface Contact {
  email?: string;
  phone?: string;
}

export interface Order {
  id: string;
  status: OrderStatus;
  productId: string;
  productName: string;
  quantity: number;
  amount: Money;
  deliveryAddress: DeliveryAddress;
  deliveryDate: string;
  recipient: Recipient | null;
  cardMessage: string | null;
  confirmationNumber?: string;
  failureReason?: string;
  createdAt: string;
  updatedAt: string;
}

export interface CheckoutAccepted {
  success: true;
  message: string;
  orderId: string;
  status: 'pending';
  statusUrl: string;
}

export type FailureReason =
  | 'payment_declined'
  | 'payment_error'
  | 'out_of_stock'
  | 'product_unavailable'
  | 'internal';
