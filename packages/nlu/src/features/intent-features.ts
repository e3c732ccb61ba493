// Sentence features for intent classification: word uni/bigrams, character n-grams, entity types.
import type { Token } from '../text/tokenize.js';
import { fnv, hash32, hashJoin } from '../util/hash.js';

export interface SparseVector {
  ids: Uint32Array;
  /** Feature values, L2-normalized so long and short utterances weigh the same. */
  values: Float32Array;
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/** `entities` are the entity kinds found by gazetteers and builtins anywhere in the sentence. */
export function intentFeatures(tokens: Token[], entities: string[]): SparseVector {
  const counts = new Map<number, number>();
  const add = (h: number, v = 1) => counts.set(h, (counts.get(h) ?? 0) + v);
  const words = tokens.filter((t) => WORDLIKE.test(t.norm)).map((t) => t.norm);
  const padded = ['<s>', ...words, '</s>'];
  for (let i = 0; i < padded.length; i++) {
    if (i > 0 && i < padded.length - 1) add(hashJoin('u', padded[i]!));
    if (i > 0) add(hashJoin('b', padded[i - 1]!, padded[i]!));
  }
  // Character n-grams inside words tolerate typos and inflections; they are down-weighted so that
  // exact words still dominate.
  const prefix = fnv(hash32('c'), '|');
  for (const w of words) {
    const s = ` ${w} `;
    for (let i = 0; i + 3 <= s.length; i++) {
      const h = fnv(prefix, s, i, i + 2);
      for (let n = 3; n <= 5 && i + n <= s.length; n++) add(fnv(h, s, i + 2, i + n) >>> 0, 0.3);
    }
  }
  for (const e of new Set(entities)) add(hashJoin('e', e));
  add(hashJoin('bias', ''));
  const ids = Uint32Array.from(counts.keys());
  const values = Float32Array.from(counts.values());
  let norm = 0;
  for (const v of values) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < values.length; i++) values[i]! /= norm;
  return { ids, values };
}
