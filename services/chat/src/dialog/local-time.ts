// Dates and times as the user's clock shows them, from an instant and an IANA time zone.

import { localMoment } from '@concierge/platform';

export { type LocalMoment, localMoment } from '@concierge/platform';

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const shortDate = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** "today", "tomorrow" or "Fri, Mar 13". */
export function describeDate(date: string, today: string): string {
  if (date === today) return 'today';
  if (date === addDays(today, 1)) return 'tomorrow';
  const d = new Date(`${date}T12:00:00Z`);
  return shortDate.format(d);
}

/** `HH:MM` for an hour said without am or pm: 1–10 is the evening ("at 8" is 20:00), nobody dines at 8 am. */
export function eveningTime(hour: number, minutes = '00'): string {
  return `${String(hour >= 1 && hour <= 10 ? hour + 12 : hour).padStart(2, '0')}:${minutes}`;
}

/** "8pm", "7:30pm", "noon". */
export function describeTime(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  if (h === 12 && m === 0) return 'noon';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}${h < 12 ? 'am' : 'pm'}`;
}

const knownZones = new Set<string>();

/** True for an IANA zone Intl knows; a zone found valid once is remembered (checked on every turn). */
export function isValidTimeZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true;
  try {
    localMoment(new Date(0), timeZone);
  } catch {
    return false;
  }
  // Bounded: a client may send any string, and only valid ones are kept.
  if (knownZones.size < 1000) knownZones.add(timeZone);
  return true;
}
