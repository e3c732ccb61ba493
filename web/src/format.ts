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
