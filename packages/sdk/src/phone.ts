// The contract's Phone format (E.164, `^\+[1-9]\d{6,14}$`) from a number as people type it.

/**
 * `+12125550123` from `212 555 0123`, `(212) 555-0123`, `1-212-555-0123` or `+44 20 7946 0958`; undefined
 * when it cannot be a dialable number. Without a country code, North America is assumed, where the
 * restaurants and deliveries are.
 *
 * @example
 * toE164('(212) 555-0123'); // '+12125550123'
 */
export function toE164(phone: string): string | undefined {
  const digits = phone.replace(/[^\d]/g, '');
  if (phone.trim().startsWith('+')) return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : undefined;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return undefined;
}
