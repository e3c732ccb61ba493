// Money amounts with an optional bound: "under $50", "50 bucks", "at least €20".
import type { BuiltinEntity } from '../types.js';
import { NUMBER_SOURCE, parseNumber } from './number-words.js';

export interface MoneyValue {
  amount: number;
  currency: string;
  /** Present when the amount is a bound: "under $50" → "lte". */
  bound?: 'lte' | 'gte' | 'approx';
}

const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP' };
const WORDS: [RegExp, string][] = [
  [/^(?:dollars?|bucks|usd)$/i, 'USD'],
  [/^(?:euros?|eur)$/i, 'EUR'],
  [/^(?:pounds?|quid|gbp)$/i, 'GBP'],
];
const BOUNDS: [RegExp, MoneyValue['bound']][] = [
  [/^(?:under|less than|below|up to|at most|max(?:imum)?|no more than|cheaper than)$/i, 'lte'],
  [/^(?:over|more than|above|at least|min(?:imum)?)$/i, 'gte'],
  [/^(?:around|about|roughly|approximately|~)$/i, 'approx'],
];

const BOUND = String.raw`(?:(?<bound>under|less than|below|up to|at most|max(?:imum)?|no more than|cheaper than|over|more than|above|at least|min(?:imum)?|around|about|roughly|approximately|~)\s*)?`;
const MONEY = new RegExp(
  BOUND +
    String.raw`(?:(?<sym>[$\u20ac\u00a3])\s?(?<n1>\d+(?:[.,]\d+)?)(?<k1>k)?|(?<n2>${NUMBER_SOURCE})(?<k2>k)?\s?(?<word>dollars?|bucks|usd|euros?|eur|pounds?|quid|gbp)\b)`,
  'giu',
);

export function extractMoney(text: string): BuiltinEntity[] {
  const out: BuiltinEntity[] = [];
  for (const m of text.matchAll(MONEY)) {
    const g = m.groups ?? {};
    const amount = parseNumber((g.n1 ?? g.n2 ?? '').replace(',', '.'));
    if (amount === undefined) continue;
    const currency = g.sym ? SYMBOLS[g.sym]! : WORDS.find(([re]) => re.test(g.word ?? ''))![1];
    const value: MoneyValue = { amount: g.k1 || g.k2 ? amount * 1000 : amount, currency };
    const bound = BOUNDS.find(([re]) => re.test(g.bound ?? ''))?.[1];
    if (bound) value.bound = bound;
    out.push({ kind: 'money', text: m[0], start: m.index, end: m.index + m[0].length, value });
  }
  return out;
}
