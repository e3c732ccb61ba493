// Per-token tagger features: window words, affixes, shapes, gazetteer and builtin span positions.
import type { Token } from '../text/tokenize.js';
import { hash32 } from '../util/hash.js';
import type { GazetteerMatch } from './gazetteer.js';
import { shortShape } from './shape.js';

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

export function gazetteerSpans(matches: GazetteerMatch[]): TokenSpan[] {
  return matches.map((m) => ({ kind: m.entity, start: m.start, end: m.end }));
}

/** Hashed feature ids for every token. */
export function tokenFeatures(tokens: Token[], gazetteer: TokenSpan[], builtins: TokenSpan[]): Uint32Array[] {
  const n = tokens.length;
  const w = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : tokens[i]!.norm);
  const sh = (i: number) => (i < 0 || i >= n ? '-' : shortShape(tokens[i]!.text));
  const gaz = spanTags(n, gazetteer);
  const bi = spanTags(n, builtins);
  const out: Uint32Array[] = [];
  for (let i = 0; i < n; i++) {
    const w0 = w(i);
    const f = [
      'bias',
      `w0=${w0}`,
      `w-1=${w(i - 1)}`,
      `w+1=${w(i + 1)}`,
      `w-2=${w(i - 2)}`,
      `w+2=${w(i + 2)}`,
      `b-1=${w(i - 1)}|${w0}`,
      `b+1=${w0}|${w(i + 1)}`,
      `b-2=${w(i - 2)}|${w(i - 1)}`,
      `b+2=${w(i + 1)}|${w(i + 2)}`,
      `t=${w(i - 1)}|${w0}|${w(i + 1)}`,
      `p3=${w0.slice(0, 3)}`,
      `s2=${w0.slice(-2)}`,
      `s3=${w0.slice(-3)}`,
      `s4=${w0.slice(-4)}`,
      `sh=${sh(i)}`,
      `sh-1=${sh(i - 1)}|${sh(i)}`,
      `sh+1=${sh(i)}|${sh(i + 1)}`,
      `len=${Math.min(w0.length, 8)}`,
    ];
    if (NUMBER_WORDS.has(w0) || /^\p{N}/u.test(w0)) f.push('num');
    for (const g of gaz[i]!) f.push(`g=${g}`, `gw=${g}|${w0}`);
    if (i > 0) for (const g of gaz[i - 1]!) f.push(`g-1=${g}`);
    if (i < n - 1) for (const g of gaz[i + 1]!) f.push(`g+1=${g}`);
    for (const b of bi[i]!) f.push(`d=${b}`);
    out.push(Uint32Array.from(f, hash32));
  }
  return out;
}
