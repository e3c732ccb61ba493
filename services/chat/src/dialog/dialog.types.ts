// The dialog's state per conversation (kept in the cache between turns) and the replies a turn produces.
import type { DiningSearch } from '../recommend/recommend.types.js';

export interface DiningSlots {
  /** Catalog slug, e.g. `italian`. */
  cuisine?: string;
  /** Catalog slug, e.g. `upper-east-side`. */
  area?: string;
  date?: string;
  time?: string;
  partySize?: number;
  email?: string;
  phone?: string;
  /** "brunch on sunday": which times to offer, and that "at 11" means the morning. */
  meal?: 'breakfast' | 'brunch' | 'lunch' | 'dinner';
  /** The restaurant the user named to book ("a table at Pizzeria Luna"); its cuisine and area fill those. */
  restaurant?: NamedRestaurant;
  /**
   * `restaurant` is the concierge's best pick for a booking request that named none, put in the confirmation
   * so nothing unseen is booked; picked again whenever the search changes.
   */
  picked?: boolean;
}

export interface NamedRestaurant {
  id: string;
  name: string;
  cuisine: string;
  area: string;
  address: string;
  rating: number;
  openingHours?: OpeningHours;
  /** The largest party it seats, when known. */
  maxPartySize?: number;
}

/** Weekly hours (`day` 0 = Sunday), local `HH:MM`; a day without a range is closed. */
export type OpeningHours = { day: number; open: string; close: string }[];

export type DiningSlot = 'cuisine' | 'area' | 'date' | 'time' | 'partySize' | 'contact';

export interface GiftSlots {
  /** Catalog tag of a product kind, e.g. `roses`. */
  kind?: string;
  colour?: string;
  occasion?: string;
  recipient?: string;
  /** Cents. */
  maxPrice?: number;
  /** Cents: the lower end of "between $60 and $90". */
  minPrice?: number;
  /** Cents: the amount of "around $70", whose budget (`maxPrice`) allows a little over; said back as is. */
  around?: number;
  /** "Just looking", "surprise me": no occasion to ask for, any gift will do. */
  browse?: boolean;
  /** A kind the user said no to ("not roses"). */
  avoidKind?: string;
}

export interface DialogState {
  conversationId: string;
  userId: string;
  /** Turns taken so far; seeds the variety of suggestions. */
  turn: number;
  /** When the last turn ended (idle expiry is measured from here). */
  touchedAt: string;
  flow: 'none' | 'dining' | 'gift';
  dining: DiningSlots;
  gift: GiftSlots;
  /** What the last reply asked for. */
  awaiting?: DiningSlot | 'confirm' | 'gift';
  /** Failed answers to the current question. */
  reprompts: number;
  /** Replies in a row that said the restaurant named cannot take the table asked for (closed then, too small). */
  clashes?: number;
  /** Every product shown for the current gift wish, so that "show me more" shows new ones until none is left. */
  seenProducts?: string[];
  /** The last product cards, in order, for "the first one" and "cheaper". */
  shown: ProductCardPayload[];
  /** The shown product last asked about ("how much is the second one?"): "I'll take it" means that one. */
  focusProduct?: string;
  /** How many of the product talked about the user asked for ("order 2 of the first one"): kept for "ok, order it". */
  focusQuantity?: number;
  /** The dining search of the previous conversation, when this user has one. */
  offeredRepeat?: boolean;
  /** The dining flow books a table once confirmed (book_restaurant), rather than only suggesting. */
  booking?: boolean;
  /** Messages stored in the conversation's history after the last turn; unknown for a state started afresh. */
  historyCount?: number;
  /** The area or cuisine the last reply offered instead of an unknown one ("Did you mean Harlem?"): "yes" takes it. */
  suggested?: Suggested[];
  /** The last reply asked whether this bare number was the party or the hour: a plain yes or no answers neither. */
  askedNumber?: number;
  /** The last reply asked what to change in the search awaiting confirmation: a bare "yes" asks again. */
  changing?: boolean;
  /** The restaurant the last reply described ("is Pizzeria Luna any good?"): "yes" or "book it" books it. */
  described?: NamedRestaurant;
  /** The last restaurants suggested, with their search, so that "book the second one" can book it. */
  offered?: OfferedTables;
  /** The table this conversation booked last: "what's the address?" or "cancel it" right after is about it. */
  booked?: BookedTable;
  /** The last reply asked "Cancel it?" of this order: the next message's yes cancels it, anything else drops it. */
  cancelOrder?: PendingCancel;
}

export interface PendingCancel {
  orderId: string;
  productName: string;
}

export interface BookedTable {
  id: string;
  restaurantName: string;
  date: string;
  time: string;
  partySize: number;
  email?: string;
  phone?: string;
}

export interface Suggested {
  slot: 'area' | 'cuisine';
  value: string;
}

export interface OfferedTables {
  search: DiningSearch;
  /** The suggestion talked about last ("what's the address of the second one?"): "book it", "is it expensive?". */
  focus?: number;
  /** Every restaurant suggested for this search so far, so that "show me others" shows new ones. */
  seen?: string[];
  /** Rating and address too, so "what's the rating of the second one?" is answered from the cards. */
  restaurants: {
    id: string;
    name: string;
    rating?: number;
    /** 1 (cheap) to 4 (expensive). */
    priceLevel?: number;
    address?: string;
    openingHours?: OpeningHours;
  }[];
}

export interface ProductCardPayload {
  productId: string;
  name: string;
  price: string;
  amount: { amount: number; currency: string };
  imageUrl: string;
  buttonLabel: string;
  clickAction: 'checkout';
  /** How many the user asked for ("order 2 of the first one"): checkout starts with that quantity. */
  quantity?: number;
}

export interface RestaurantCardPayload {
  restaurantId: string;
  name: string;
  cuisine: string;
  area: string;
  address: string;
  rating: number;
  priceLevel: number;
  imageUrl: string | null;
  buttonLabel: string;
}

export interface QuickRepliesPayload {
  options: { label: string; text: string }[];
}

/** `plain`: the text for clients without buttons or cards (the assignment's endpoint), when `text` speaks of them. */
export type Reply =
  | { type: 'unstructured'; text: string; plain?: string }
  | { type: 'structured'; card: 'product'; text: string; payload: ProductCardPayload }
  | { type: 'structured'; card: 'restaurant'; text: string; payload: RestaurantCardPayload }
  | { type: 'structured'; card: 'quick_replies'; text: string; payload: QuickRepliesPayload; plain?: string };

export function newDialogState(conversationId: string, userId: string, now: Date): DialogState {
  return {
    conversationId,
    userId,
    turn: 0,
    touchedAt: now.toISOString(),
    flow: 'none',
    dining: {},
    gift: {},
    reprompts: 0,
    shown: [],
  };
}
