// What one user message says, in the dialog's terms: an intent and the slot values it mentions.

export interface Understanding {
  text: string;
  intent: string;
  confidence: number;
  outOfScope: boolean;
  /** Raw surface forms; the dialog validates and resolves them. */
  area?: string;
  cuisine?: string;
  product?: string;
  productName?: string;
  colour?: string;
  occasion?: string;
  recipient?: string;
  /** `YYYY-MM-DD` in the user's time zone. */
  date?: string;
  /** `HH:MM` in the user's time zone. */
  time?: string;
  partySize?: number;
  /** A bare number ("6"), for answers to "how many of you?". */
  number?: number;
  email?: string;
  phone?: string;
  /** The message looks like an address or a phone number the builtins rejected. */
  badEmail?: boolean;
  badPhone?: boolean;
  /** Upper bound of the budget, in cents. */
  maxPrice?: number;
}
