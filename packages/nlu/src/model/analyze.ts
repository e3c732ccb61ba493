// Shared text analysis for training and parsing: tokens, builtins, gazetteer matches, tagger features.
import { extractBuiltins } from '../builtins/index.js';
import type { Gazetteer, GazetteerMatch } from '../features/gazetteer.js';
import {
  capitalizedRuns,
  gazetteerSpans,
  type TokenSpan,
  tokenFeatures,
} from '../features/token-features.js';
import type { WordClusters } from '../features/word-clusters.js';
import { type Token, tokenize } from '../text/tokenize.js';
import type { BuiltinEntity } from '../types.js';

export interface Analysis {
  tokens: Token[];
  builtins: BuiltinEntity[];
  matches: GazetteerMatch[];
  /** Tagger features per token. */
  feats: Uint32Array[];
  /** Entity kinds present anywhere, for the intent classifier. */
  kinds: string[];
}

export interface AnalyzeOptions {
  referenceDate: Date;
  timeZone: string;
  /** Per-sentence gazetteer counts to discount (leave-one-out during training). */
  own?: Map<string, number>;
  /** Builtins already extracted from this text with these options (saves extracting them again). */
  builtins?: BuiltinEntity[];
  /** Training only: returns true to hide a curated gazetteer match, so the tagger also learns from context. */
  drop?: () => boolean;
  /** Word-vector clusters as tagger features (models trained with `wordClusters`). */
  clusters?: WordClusters;
}

/** Token range [start, end) covering the characters [start, end). */
export function tokenRange(tokens: Token[], start: number, end: number): [number, number] | undefined {
  let first = -1;
  let last = -1;
  tokens.forEach((t, i) => {
    if (t.end > start && t.start < end) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? undefined : [first, last + 1];
}

export function analyze(text: string, gazetteer: Gazetteer, opts: AnalyzeOptions): Analysis {
  const tokens = tokenize(text);
  const builtins = opts.builtins ?? extractBuiltins(text, opts);
  const drop = opts.drop;
  const all = gazetteer.match(tokens, opts.own);
  // Built-in lists ("@country") never coincide with a slot label, so only dataset lists are dropped.
  const matches = drop ? all.filter((m) => !(m.curated && !m.entity.startsWith('@') && drop())) : all;
  const builtinSpans: TokenSpan[] = capitalizedRuns(tokens);
  for (const b of builtins) {
    const r = tokenRange(tokens, b.start, b.end);
    if (r) builtinSpans.push({ kind: b.kind, start: r[0], end: r[1] });
  }
  const feats = tokenFeatures(tokens, gazetteerSpans(matches), builtinSpans, opts.clusters);
  const kinds = [...new Set([...matches.map((m) => m.entity), ...builtins.map((b) => `@${b.kind}`)])];
  return { tokens, builtins, matches, feats, kinds };
}
