// Opening hours as minute ranges per weekday, and "open at" times as a weekday plus a minute of the day.
import type { RestaurantHoursTable } from '../catalog.tables.js';
import type { OpeningHours } from './restaurant.types.js';

const minutesPerDay = 24 * 60;

/** `HH:MM` (00:00–24:00) → minutes since midnight. */
export function toMinute(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * Splits each span into same-day ranges: 18:00–02:00 on Friday becomes Friday 18:00–24:00 and
 * Saturday 00:00–02:00, so "open at" needs one range test and no wrap-around logic in SQL.
 */
export function toDayRanges(restaurantId: string, hours: OpeningHours[]): RestaurantHoursTable[] {
  const ranges: RestaurantHoursTable[] = [];
  for (const { day, open, close } of hours) {
    const from = toMinute(open);
    const to = toMinute(close);
    const range = (d: number, a: number, b: number) => {
      if (b > a) ranges.push({ restaurant_id: restaurantId, day: d, open_minute: a, close_minute: b });
    };
    if (to > from) range(day, from, to);
    else {
      range(day, from, minutesPerDay);
      range((day + 1) % 7, 0, to);
    }
  }
  return ranges;
}

export interface WeekMoment {
  day: number;
  minute: number;
}

/** Reads `YYYY-MM-DDTHH:MM` (the restaurant's local time); undefined for an impossible date or time. */
export function parseLocalMoment(text: string): WeekMoment | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59) return undefined;
  return { day: date.getUTCDay(), minute: h * 60 + mi };
}
