// What the chat hands to checkout when the user taps Order: the product and what the conversation said.
import type { ProductCard } from './chat-state.js';
import { store } from './store.js';

export interface CheckoutDraft {
  product: ProductCard;
  date?: string;
  recipient?: string;
}

export const draft$ = store<CheckoutDraft | null>(null);

/** The shop's calendar (orders service default): delivery dates are its days, up to 30 ahead. */
export const shopTimeZone = 'America/New_York';
export const deliveryWindowDays = 30;
