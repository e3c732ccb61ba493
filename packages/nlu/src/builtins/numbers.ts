// Cardinal numbers written with digits or words.
import type { BuiltinEntity } from '../types.js';
import { NUMBER_SOURCE, parseNumber } from './number-words.js';

const NUMBER = new RegExp(String.raw`(?<![\p{L}\p{N}])${NUMBER_SOURCE}(?![\p{L}\p{N}])`, 'giu');

export function extractNumbers(text: string): BuiltinEntity[] {
  const out: BuiltinEntity[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const value = parseNumber(m[0]);
    if (value === undefined) continue;
    out.push({ kind: 'number', text: m[0], start: m.index, end: m.index + m[0].length, value });
  }
  return out;
}
