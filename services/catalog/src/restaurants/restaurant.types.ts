// The restaurant as the API shows it.

/** One opening span; `close` at or before `open` means it ends after midnight, on the next day. */
export interface OpeningHours {
  /** 0 = Sunday … 6 = Saturday. */
  day: number;
  open: string;
  close: string;
}

export interface Restaurant {
  id: string;
  name: string;
  cuisine: string;
  area: string;
  address: { street: string; city: string; state: string; postalCode: string };
  location: { lat: number; lng: number };
  /** 1 ($) … 4 ($$$$). */
  priceLevel: number;
  rating: number;
  reviewCount: number;
  phone: string;
  maxPartySize: number;
  openingHours: OpeningHours[];
  imageUrl: string;
  createdAt: string;
  updatedAt: string;
}
