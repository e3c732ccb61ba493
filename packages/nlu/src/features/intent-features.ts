// Sentence features for intent classification: word uni/bigrams, character n-grams, entity types.
import { eng } from 'stopword';
import type { Token } from '../text/tokenize.js';
import { fnv, hash32, hashJoin } from '../util/hash.js';

export interface SparseVector {
  ids: Uint32Array;
  /** Feature values, L2-normalized so long and short utterances weigh the same. */
  values: Float32Array;
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * English function words ("how", "do", "i", "my", "can"). Their unigrams, their character n-grams and
 * bigrams made only of them count at this weight, so the question frame shared by every intent ("how do
 * I … my …") does not outvote the one content word that decides ("change my password" vs "delete my
 * account"). Bigrams with a content word ("to garching", "my playlist") keep full weight.
 */
const STOP_WORDS = new Set<string>(eng);
const STOP_WEIGHT = 0.3;
const CHAR_NGRAM_WEIGHT = 0.3;

/** `entities` are the entity kinds found by gazetteers and builtins anywhere in the sentence. */
export function intentFeatures(tokens: Token[], entities: string[]): SparseVector {
  const counts = new Map<number, number>();
  const add = (h: number, v = 1) => counts.set(h, (counts.get(h) ?? 0) + v);
  const words = tokens.filter((t) => WORDLIKE.test(t.norm)).map((t) => t.norm);
  const padded = ['<s>', ...words, '</s>'];
  // Sentence boundaries count as function words: "<s> how" is as generic as "how do".
  const stop = padded.map((w, i) => i === 0 || i === padded.length - 1 || STOP_WORDS.has(w));
  for (let i = 0; i < padded.length; i++) {
    if (i > 0 && i < padded.length - 1) add(hashJoin('u', padded[i]!), stop[i] ? STOP_WEIGHT : 1);
    if (i > 0) add(hashJoin('b', padded[i - 1]!, padded[i]!), stop[i - 1] && stop[i] ? STOP_WEIGHT : 1);
  }
  // Character n-grams inside words tolerate typos and inflections; they are down-weighted so that
  // exact words still dominate.
  const prefix = fnv(hash32('c'), '|');
  for (const w of words) {
    const weight = STOP_WORDS.has(w) ? CHAR_NGRAM_WEIGHT * STOP_WEIGHT : CHAR_NGRAM_WEIGHT;
    const s = ` ${w} `;
    for (let i = 0; i + 3 <= s.length; i++) {
      const h = fnv(prefix, s, i, i + 2);
      for (let n = 3; n <= 5 && i + n <= s.length; n++) add(fnv(h, s, i + 2, i + n) >>> 0, weight);
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
