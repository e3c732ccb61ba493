// Display helpers shared by the pages.
import type { components } from '@concierge/sdk';

type Money = components['schemas']['Money'];
type Address = components['schemas']['DeliveryAddressInput'];

export function money(m: Money): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: m.currency }).format(m.amount / 100);
}

export function address(a: Address): string {
  if (typeof a === 'string') return a;
  return [a.line1, a.line2, `${a.city}, ${a.state} ${a.postalCode}`, a.country].filter(Boolean).join(', ');
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export function when(iso: string): string {
  return dateTime.format(new Date(iso));
}

export function day(date: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export const statusLabel: Record<string, string> = {
  pending: 'Pending',
  confirmed: 'Confirmed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const clockTime = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
/** `8:00 PM` from the contract's `20:00` (a restaurant's local time, shown as it is). */
export function clock(time: string): string {
  return clockTime.format(new Date(`1970-01-01T${time}:00Z`));
}

/** `(212) 555-0123` for a North American E.164 number; other numbers as they are. */
export function phoneNumber(e164: string): string {
  const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return us ? `(${us[1]}) ${us[2]}-${us[3]}` : e164;
}
