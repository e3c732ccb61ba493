// Delivery dates are shop calendar days: today (in the shop's time zone) up to a window of days ahead.

export interface DeliveryWindow {
  /** IANA zone of the shop, e.g. America/New_York. */
  timeZone: string;
  /** How many days ahead a delivery may be booked. */
  days: number;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one: keep one per time zone.
const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of `at` in `timeZone`. */
export function shopDate(at: Date, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format.format(at);
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
