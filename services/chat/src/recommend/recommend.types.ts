// What recommendations work with: the dining search, and the catalog's products and restaurants as the chat needs them.
import type { GiftSlots } from '../dialog/dialog.types.js';

/** A complete dining request, as confirmed by the user (and remembered as their last search). */
export interface DiningSearch {
  cuisine: string;
  area: string;
  date: string;
  time: string;
  partySize: number;
  email?: string;
  phone?: string;
  timeZone: string;
}

export interface Money {
  amount: number;
  currency: string;
}

export interface ProductInfo {
  id: string;
  name: string;
  price: Money;
  imageUrl: string;
  tags: string[];
  stock: number;
  description?: string;
}

export interface RestaurantInfo {
  id: string;
  name: string;
  cuisine: string;
  area: string;
  address: { street: string; city: string; state: string; postalCode: string };
  rating: number;
  priceLevel: number;
  maxPartySize: number;
  imageUrl: string;
  /** Weekly hours (`day` 0 = Sunday), local `HH:MM`; a day without a range is closed. */
  openingHours?: { day: number; open: string; close: string }[];
}

/** A table to book at a restaurant, as the catalog's `createBooking` takes it. */
export interface BookingRequest {
  date: string;
  time: string;
  partySize: number;
  email?: string;
  phone?: string;
}

/** A booking the catalog confirmed. */
export interface BookingInfo {
  id: string;
  restaurantId: string;
  restaurantName: string;
  date: string;
  time: string;
  partySize: number;
  email: string | null;
  phone: string | null;
  status: 'confirmed' | 'cancelled';
  /** False when the catalog answered with the caller's booking of that table and time made before. */
  created?: boolean;
}

/** How well a suggestion fits: everything, or found after dropping the opening time or the area. */
export type MatchQuality = 'exact' | 'other-time' | 'other-area';

export interface RestaurantPick {
  restaurant: RestaurantInfo;
  match: MatchQuality;
}

/**
 * Products to suggest, and which wish had to give way when none met them all: the budget (the cheapest of the
 * kind and colour asked for), the colour (the kind in other colours), or the kind (none in stock).
 */
export interface ProductSuggestions {
  products: ProductInfo[];
  relaxed?: 'budget' | 'colour' | 'kind';
}

/** The products a message names: every one named in full (in the order said), or the one it names in part. */
export interface NamedProducts {
  products: ProductInfo[];
  /** The whole name was said, not only a word of it ("the truffles"). */
  whole: boolean;
}

export interface Recommender {
  /** `exclude`: restaurants already suggested for this search ("show me others"). */
  dining(search: DiningSearch, seed: number, exclude?: string[]): Promise<RestaurantPick[]>;
  /** Best fit first, or cheapest first. */
  products(
    gift: GiftSlots,
    seed: number,
    exclude: string[],
    cheapestFirst?: boolean,
  ): Promise<ProductSuggestions>;
  productNamed(name: string): Promise<ProductInfo | undefined>;
  /**
   * The products a message names over the whole catalog, in full or by a telling word (see findProductsNamed);
   * without `thorough` (default true) only from the product directory, which costs no catalog query.
   */
  productsNamed(
    text: string,
    isWish: (word: string) => boolean,
    thorough?: boolean,
  ): Promise<NamedProducts | undefined>;
}
