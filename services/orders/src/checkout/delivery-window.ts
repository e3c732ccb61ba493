// Delivery dates are shop calendar days: today (in the shop's time zone) up to a window of days ahead.
import { localMoment } from '@concierge/platform';

export interface DeliveryWindow {
  /** IANA zone of the shop, e.g. America/New_York. */
  timeZone: string;
  /** How many days ahead a delivery may be booked. */
  days: number;
}

/** The calendar date (YYYY-MM-DD) of `at` in `timeZone`. */
export function shopDate(at: Date, timeZone: string): string {
  return localMoment(at, timeZone).date;
}

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** Undefined when `date` is bookable; otherwise why not, for people. */
export function deliveryDateProblem(date: string, now: Date, window: DeliveryWindow): string | undefined {
  const today = shopDate(now, window.timeZone);
  const last = addDays(today, window.days);
  if (date < today) return `must be today (${today}) or later`;
  if (date > last) return `must be within ${window.days} days (by ${last})`;
  return undefined;
}
