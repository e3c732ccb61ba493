// Row shapes of the tables the catalog owns, as Kysely sees them.
import type { Kysely } from 'kysely';

export interface ProductTable {
  id: string;
  name: string;
  description: string;
  price_amount: number;
  price_currency: string;
  image_url: string;
  /** JSON array of lower-case tag slugs. */
  tags: string;
  stock: number;
  created_at: string;
  updated_at: string;
}

export interface RestaurantTable {
  id: string;
  name: string;
  cuisine: string;
  area: string;
  street: string;
  city: string;
  state: string;
  postal_code: string;
  lat: number;
  lng: number;
  price_level: number;
  rating: number;
  review_count: number;
  phone: string;
  max_party: number;
  /** JSON array of `{day, open, close}` as the wire shows it. */
  opening_hours: string;
  image_url: string;
  created_at: string;
  updated_at: string;
}

/** Opening hours flattened to minute ranges within one weekday, so "open at" is a plain indexed query. */
export interface RestaurantHoursTable {
  restaurant_id: string;
  day: number;
  open_minute: number;
  close_minute: number;
}

/** One order's hold on stock; `released` gives the quantity back exactly once. */
export interface StockReservationTable {
  order_id: string;
  product_id: string;
  quantity: number;
  status: 'reserved' | 'released';
  created_at: string;
  updated_at: string;
}

/** A table booked by a user; `restaurant_name` keeps the name as booked. */
export interface BookingTable {
  id: string;
  user_id: string;
  restaurant_id: string;
  restaurant_name: string;
  /** The restaurant's local `YYYY-MM-DD` and `HH:MM`. */
  date: string;
  time: string;
  party_size: number;
  email: string | null;
  phone: string | null;
  status: 'confirmed' | 'cancelled';
  created_at: string;
  updated_at: string;
}

export interface CatalogTables {
  catalog_booking: BookingTable;
  catalog_product: ProductTable;
  catalog_stock_reservation: StockReservationTable;
  catalog_restaurant: RestaurantTable;
  catalog_restaurant_hours: RestaurantHoursTable;
}

export type CatalogDb = Kysely<CatalogTables>;
