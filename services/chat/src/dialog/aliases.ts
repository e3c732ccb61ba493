// Name tables: canonical values with the surface forms people use, matched after folding case and accents.
import type { Term } from '../nlu/training/vocabulary.js';
import { closest } from './fuzzy.js';

export type Resolution = { value: string } | { suggestion?: string };

const folding = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/^(the|a|an) /, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * `fn` with its last answer remembered: a turn asks about the same message several times (its fold, each
 * name table), so the repeat costs a comparison.
 */
export function rememberLast<R>(fn: (text: string) => R): (text: string) => R {
  let lastIn: string | undefined;
  let lastOut: R;
  return (text) => {
    if (text !== lastIn) {
      lastOut = fn(text);
      lastIn = text;
    }
    return lastOut;
  };
}

export const fold = rememberLast(folding);

export class AliasTable {
  private readonly aliases = new Map<string, string>();

  /** `values` are the canonical values to accept; `terms` add their synonyms. */
  constructor(values: readonly string[], terms: readonly Term[]) {
    for (const value of values) {
      this.aliases.set(fold(value), value);
      for (const s of terms.find((t) => t.value === value)?.synonyms ?? []) this.aliases.set(fold(s), value);
    }
  }

  /** The value `raw` names, or the nearest one by edit distance as a suggestion. */
  resolve(raw: string): Resolution {
    const key = fold(raw);
    const value = this.aliases.get(key);
    if (value) return { value };
    const near = closest(key, [...this.aliases.keys()]);
    return near ? { suggestion: this.aliases.get(near)! } : {};
  }

  /** The value with the longest alias found as whole words anywhere in `text`. */
  readonly find = rememberLast((text: string) => this.search(text));

  private search(text: string): string | undefined {
    const padded = ` ${fold(text)} `;
    let best: [alias: string, value: string] | undefined;
    for (const [alias, value] of this.aliases) {
      if (alias.length > (best?.[0].length ?? 0) && padded.includes(` ${alias} `)) best = [alias, value];
    }
    return best?.[1];
  }
}
