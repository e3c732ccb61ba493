// E-mail addresses and phone numbers.
import type { BuiltinEntity } from '../types.js';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const PHONE = /(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d{2,4}){1,4}(?!\w)/g;

export function extractEmails(text: string): BuiltinEntity[] {
  return [...text.matchAll(EMAIL)].map((m) => ({
    kind: 'email' as const,
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
    value: m[0].toLowerCase(),
  }));
}

/** Phone numbers of 7–15 digits; the value keeps only digits and a leading "+". */
export function extractPhones(text: string): BuiltinEntity[] {
  const out: BuiltinEntity[] = [];
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '');
    // Plain 4-digit years or prices are not phone numbers; real ones have at least 7 digits.
    if (digits.length < 7 || digits.length > 15) continue;
    const value = (m[0].trim().startsWith('+') ? '+' : '') + digits;
    out.push({ kind: 'phone', text: m[0], start: m.index, end: m.index + m[0].length, value });
  }
  return out;
}
