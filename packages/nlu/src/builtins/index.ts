// All builtin extractors together; bare numbers inside a richer span (money, phone, date, party size) are dropped.
import type { BuiltinEntity } from '../types.js';
import { extractEmails, extractPhones } from './contact.js';
import { extractDates } from './dates.js';
import { extractMoney } from './money.js';
import { extractNumbers } from './numbers.js';
import { extractPartySizes } from './party-size.js';

export interface BuiltinOptions {
  referenceDate: Date;
  timeZone: string;
}

/**
 * Dates, numbers, party sizes, money, e-mail addresses and phone numbers in `text`.
 * @example
 * extractBuiltins('for 4 under $50', { referenceDate: new Date(), timeZone: 'UTC' }).map((b) => b.kind);
 * // ['party_size', 'money']
 */
export function extractBuiltins(text: string, opts: BuiltinOptions): BuiltinEntity[] {
  const emails = extractEmails(text);
  const phones = extractPhones(text).filter((p) => !emails.some((e) => p.start < e.end && e.start < p.end));
  const rich = [...emails, ...phones, ...extractMoney(text), ...extractPartySizes(text)];
  const dates = extractDates(text, opts).filter(
    (d) =>
      !rich.some((r) => (r.kind === 'phone' || r.kind === 'money') && d.start < r.end && r.start < d.end),
  );
  rich.push(...dates);
  const numbers = extractNumbers(text).filter((n) => !rich.some((r) => r.start <= n.start && n.end <= r.end));
  return [...rich, ...numbers].sort((a, b) => a.start - b.start || b.end - a.end);
}
