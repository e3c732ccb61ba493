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
  // The other extractors read the text with its e-mail addresses blanked out (same offsets): "for 2 a@b.com"
  // is not 2 am, "4 min@x.com" not in four minutes, "tomorrow 2pm@p.com" is tomorrow without a time.
  let rest = text;
  for (const e of emails)
    rest = `${rest.slice(0, e.start)}${' '.repeat(e.end - e.start)}${rest.slice(e.end)}`;
  const phones = extractPhones(rest);
  const rich = [...emails, ...phones, ...extractMoney(rest), ...extractPartySizes(rest)];
  const dates = extractDates(rest, opts).filter(
    (d) =>
      !rich.some((r) => (r.kind === 'phone' || r.kind === 'money') && d.start < r.end && r.start < d.end),
  );
  rich.push(...dates);
  const numbers = extractNumbers(rest).filter((n) => !rich.some((r) => r.start <= n.start && n.end <= r.end));
  return [...rich, ...numbers].sort((a, b) => a.start - b.start || b.end - a.end);
}
