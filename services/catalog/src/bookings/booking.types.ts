// A table booking as the API shows it.

export interface Booking {
  id: string;
  restaurantId: string;
  /** The restaurant's name when booked. */
  restaurantName: string;
  /** The restaurant's local calendar day, `YYYY-MM-DD`. */
  date: string;
  /** The restaurant's local wall-clock time, `HH:MM`. */
  time: string;
  partySize: number;
  /** How the restaurant reaches the guest: an e-mail address or an E.164 phone number (at least one). */
  email: string | null;
  phone: string | null;
  status: 'confirmed' | 'cancelled';
  createdAt: string;
  updatedAt: string;
}
