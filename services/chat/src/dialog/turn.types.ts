// What every flow gets for one turn: the understood message, the user's clock, the catalog's vocabulary, the ports.

import type { Caller } from '@concierge/platform';
import type { Understanding } from '../nlu/understanding.js';
import type { OrdersClient } from '../orders/orders-client.js';
import type { BookingInfo, BookingRequest, DiningSearch, Recommender } from '../recommend/recommend.types.js';
import type { DialogState, Reply } from './dialog.types.js';
import type { Lexicon } from './lexicon.js';
import type { LocalMoment } from './local-time.js';

export interface LastSearches {
  get(userId: string): Promise<DiningSearch | undefined>;
  save(userId: string, search: DiningSearch): Promise<void>;
}

export interface DiningNotifier {
  /** Called once a dining search is answered, so the suggestions reach the user's e-mail or phone. */
  suggested(search: DiningSearch, state: DialogState, suggestions: DiningSuggestionRef[]): Promise<void>;
}

export interface DiningSuggestionRef {
  restaurantId: string;
  name: string;
  address: string;
  rating: number;
  /** How it differs from the search: "not open at 1pm that day", "in Chelsea". */
  note?: string;
}

export interface TableBooker {
  /** Books a table for the caller; rejects with the catalog's AppError (conflict, invalid) when it cannot. */
  book(caller: Caller, restaurantId: string, request: BookingRequest): Promise<BookingInfo>;
}

export interface Turn {
  /** Who is talking: bookings are made in their name. */
  caller: Caller;
  u: Understanding;
  state: DialogState;
  today: LocalMoment;
  timeZone: string;
  lexicon: Lexicon;
  recommender: Recommender;
  lastSearches: LastSearches;
  notifier: DiningNotifier;
  tables: TableBooker;
  /** The caller's own orders ("where is my order?"), through the orders service. */
  orders: OrdersClient;
  /**
   * Hands over a write the answer does not depend on (the last search, a pending delivery): the turn waits
   * for it together with its history write, so both share one commit instead of one after the other.
   */
  defer?: (write: Promise<unknown>) => void;
}

/** Waits for `write` now, or hands it to the turn (see `Turn.defer`). */
export async function afterAnswer(t: Turn, write: Promise<unknown>): Promise<void> {
  if (t.defer) t.defer(write);
  else await write;
}

export interface TurnResult {
  state: DialogState;
  replies: Reply[];
}
