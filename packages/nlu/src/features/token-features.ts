// Per-token tagger features: window words, affixes, shapes, gazetteer and builtin span positions.
import type { Token } from '../text/tokenize.js';
import { hashJoin } from '../util/hash.js';
import type { GazetteerMatch } from './gazetteer.js';
import { shortShape } from './shape.js';
import type { WordClusters } from './word-clusters.js';

/** A token range [start, end) labelled with a kind, e.g. a gazetteer entity or builtin. */
export interface TokenSpan {
  kind: string;
  start: number;
  end: number;
}

const NUMBER_WORDS = new Set(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million first second third fourth fifth sixth seventh eighth ninth tenth'.split(
    ' ',
  ),
);

/** BILU position of token i inside [start, end). */
function position(i: number, start: number, end: number): string {
  if (end - start === 1) return 'U';
  if (i === start) return 'B';
  return i === end - 1 ? 'L' : 'I';
}

function spanTags(n: number, spans: TokenSpan[]): string[][] {
  const tags: string[][] = Array.from({ length: n }, () => []);
  for (const s of spans) {
    for (let i = s.start; i < s.end; i++) tags[i]!.push(`${s.kind}:${position(i, s.start, s.end)}`);
  }
  return tags;
}

/** Runs of capitalized words ("Google Groups"), a cue for names when data is scarce. */
export function capitalizedRuns(tokens: Token[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let start = -1;
  for (let i = 0; i <= tokens.length; i++) {
    const cap = i > 0 && i < tokens.length && /^[\p{Lu}\p{N}]/u.test(tokens[i]!.text);
    if (cap && start < 0) start = i;
    if (!cap && start >= 0) {
      spans.push({ kind: 'caps', start, end: i });
      start = -1;
    }
  }
  return spans;
}

export function gazetteerSpans(matches: GazetteerMatch[]): TokenSpan[] {
  return matches.map((m) => ({ kind: m.entity, start: m.start, end: m.end }));
}

/** Rows start with bias, then w0, w-1, w+1: the features the shared tagger conjoins with the intent. */
export const CORE_WORD_FEATURES = 3;

/**
 * Hashed feature ids for every token; parts are hashed without building feature strings. With `clusters`,
 * the word-vector clusters of w-1, w0 and w+1 (see word-clusters.ts) are features too.
 */
export function tokenFeatures(
  tokens: Token[],
  gazetteer: TokenSpan[],
  builtins: TokenSpan[],
  clusters?: WordClusters,
): Uint32Array[] {
  const n = tokens.length;
  const words = ['<s2>', '<s>', ...tokens.map((t) => t.norm), '</s>', '</s2>'];
  const shapes = ['-', '-', ...tokens.map((t) => shortShape(t.text)), '-', '-'];
  const gaz = spanTags(n, gazetteer);
  const bi = spanTags(n, builtins);
  const out: Uint32Array[] = [];
  // Sentence boundaries get the clusters of an unknown word (measured: better than clusters of their own).
  const cl = clusters && words.map((w) => clusters.of(w));
  for (let i = 0; i < n; i++) {
    const j = i + 2;
    const [wm2, wm1, w0, wp1, wp2] = words.slice(j - 2, j + 3) as [string, string, string, string, string];
    const f = [
      hashJoin('bias', ''),
      hashJoin('w0', w0),
      hashJoin('w-1', wm1),
      hashJoin('w+1', wp1),
      hashJoin('w-2', wm2),
      hashJoin('w+2', wp2),
      hashJoin('b-1', wm1, w0),
      hashJoin('b+1', w0, wp1),
      hashJoin('b-2', wm2, wm1),
      hashJoin('b+2', wp1, wp2),
      hashJoin('t', wm1, w0, wp1),
      hashJoin('p3', w0.slice(0, 3)),
      hashJoin('s2', w0.slice(-2)),
      hashJoin('s3', w0.slice(-3)),
      hashJoin('s4', w0.slice(-4)),
      hashJoin('sh', shapes[j]!),
      hashJoin('sh-1', shapes[j - 1]!, shapes[j]!),
      hashJoin('sh+1', shapes[j]!, shapes[j + 1]!),
      hashJoin('len', String(Math.min(w0.length, 8))),
    ];
    for (let k = 0; k + 3 <= w0.length; k++) f.push(hashJoin('c3', w0.slice(k, k + 3)));
    if (NUMBER_WORDS.has(w0) || /^\p{N}/u.test(w0)) f.push(hashJoin('num', ''));
    for (const g of gaz[i]!) f.push(hashJoin('g', g), hashJoin('gw', g, w0));
    if (i > 0) for (const g of gaz[i - 1]!) f.push(hashJoin('g-1', g));
    if (i < n - 1) for (const g of gaz[i + 1]!) f.push(hashJoin('g+1', g));
    for (const b of bi[i]!) f.push(hashJoin('d', b));
    if (cl) {
      for (const c of cl[j]!) f.push(hashJoin('k0', c));
      for (const c of cl[j - 1]!) f.push(hashJoin('k-1', c));
      for (const c of cl[j + 1]!) f.push(hashJoin('k+1', c));
    }
    out.push(Uint32Array.from(f));
  }
  return out;
}
