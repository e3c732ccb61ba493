// Party sizes for bookings: "for four", "6 of us", "party of 3", "table for two people".
import type { BuiltinEntity } from '../types.js';
import { NUMBER_SOURCE, parseNumber } from './number-words.js';

const PEOPLE = '(?:people|persons|person|guests|adults|diners|pax|ppl|of us)';
// Words after the number that mean it is not a head count ("for 2 nights", "for 7pm").
const NOT_PEOPLE = String.raw`(?!\s*(?:am|pm|a\.m|p\.m|o'?clock|:\d|nights?|days?|hours?|minutes?|weeks?|dollars|bucks|euros?|pounds|%|\$))`;
const PARTY = new RegExp(
  [
    String.raw`\b(?:table|booking|reservation|party|group|room)\s+(?:for|of)\s+(?<a>${NUMBER_SOURCE})\b${NOT_PEOPLE}(?:\s+${PEOPLE})?`,
    String.raw`\b(?:for|we are|we're|there are|there will be)\s+(?<b>${NUMBER_SOURCE})\b${NOT_PEOPLE}(?:\s+${PEOPLE}\b)?`,
    String.raw`\b(?<c>${NUMBER_SOURCE})\s+${PEOPLE}\b`,
  ].join('|'),
  'giu',
);

export function extractPartySizes(text: string): BuiltinEntity[] {
  const out: BuiltinEntity[] = [];
  for (const m of text.matchAll(PARTY)) {
    const phrase = m.groups?.a ?? m.groups?.b ?? m.groups?.c ?? '';
    const value = parseNumber(phrase);
    // "for a" or "for one of" are too ambiguous without a head-count noun.
    if (value === undefined || value < 1 || value > 100 || !Number.isInteger(value)) continue;
    if (/^an?$/i.test(phrase.trim()) && !new RegExp(PEOPLE, 'i').test(m[0])) continue;
    out.push({ kind: 'party_size', text: m[0], start: m.index, end: m.index + m[0].length, value });
  }
  return out;
}
