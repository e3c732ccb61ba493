// Multi-word gazetteer: finds known entity values in a token sequence by exact normalized match.
import type { Token } from '../text/tokenize.js';
import { tokenize } from '../text/tokenize.js';

export interface GazetteerMatch {
  entity: string;
  /** Token range [start, end). */
  start: number;
  end: number;
  /** Canonical value (the synonym's target). */
  value: string;
  /** From a supplied list (not only from training annotations), so leave-one-out cannot hide it. */
  curated: boolean;
}

interface Entry {
  entity: string;
  words: string[];
  value: string;
  /** How many training annotations vouch for it; Infinity for user-supplied values. */
  count: number;
}

export type GazetteerJSON = [entity: string, surface: string, value: string, count: number][];

export const entryKey = (entity: string, surface: string): string => `${entity}\u0001${surface}`;

export const surfaceOf = (text: string): string =>
  tokenize(text)
    .map((t) => t.norm)
    .join(' ');

export class Gazetteer {
  private readonly byFirst = new Map<string, Entry[]>();
  private readonly byKey = new Map<string, Entry>();

  add(entity: string, text: string, value: string, count = Number.POSITIVE_INFINITY): void {
    const surface = surfaceOf(text);
    if (!surface) return;
    const key = entryKey(entity, surface);
    const known = this.byKey.get(key);
    if (known) {
      known.count += count;
      return;
    }
    const entry: Entry = { entity, words: surface.split(' '), value, count };
    this.byKey.set(key, entry);
    const list = this.byFirst.get(entry.words[0]!) ?? [];
    list.push(entry);
    this.byFirst.set(entry.words[0]!, list);
  }

  /** Canonical value for a surface form of `entity`, if known. */
  resolve(entity: string, text: string): string | undefined {
    return this.byKey.get(entryKey(entity, surfaceOf(text)))?.value;
  }

  /**
   * All matches in `tokens`. `own` holds per-key counts contributed by the sentence itself, so that
   * training sees a value as "known" only when other sentences also contain it (leave-one-out).
   */
  match(tokens: Token[], own?: Map<string, number>): GazetteerMatch[] {
    const out: GazetteerMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const list = this.byFirst.get(tokens[i]!.norm);
      if (!list) continue;
      for (const e of list) {
        if (i + e.words.length > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < e.words.length && ok; k++) ok = tokens[i + k]!.norm === e.words[k];
        if (!ok) continue;
        if (own && e.count - (own.get(entryKey(e.entity, e.words.join(' '))) ?? 0) <= 0) continue;
        out.push({
          entity: e.entity,
          start: i,
          end: i + e.words.length,
          value: e.value,
          curated: !Number.isFinite(e.count),
        });
      }
    }
    return out;
  }

  toJSON(): GazetteerJSON {
    return [...this.byKey.values()].map((e) => [
      e.entity,
      e.words.join(' '),
      e.value,
      Number.isFinite(e.count) ? e.count : -1,
    ]);
  }

  static fromJSON(json: GazetteerJSON): Gazetteer {
    const g = new Gazetteer();
    for (const [entity, surface, value, count] of json) {
      g.add(entity, surface, value, count < 0 ? Number.POSITIVE_INFINITY : count);
    }
    return g;
  }
}
