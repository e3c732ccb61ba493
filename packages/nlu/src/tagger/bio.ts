// BIO label encoding: character spans <-> per-token labels.

import type { Token } from '../text/tokenize.js';
import type { SlotSpan } from '../types.js';

export interface TokenRange {
  entity: string;
  start: number;
  end: number;
}

/** Label names for a set of entities: index 0 is "O", then B-/I- pairs. */
export function bioLabels(entities: string[]): string[] {
  return ['O', ...entities.flatMap((e) => [`B-${e}`, `I-${e}`])];
}

/** Gold label index per token; a token belongs to a slot when the character ranges overlap. */
export function encodeSpans(tokens: Token[], slots: SlotSpan[], labels: string[]): Int32Array {
  const out = new Int32Array(tokens.length);
  for (const s of slots) {
    const b = labels.indexOf(`B-${s.entity}`);
    if (b < 0) continue;
    let first = true;
    tokens.forEach((t, i) => {
      if (t.end <= s.start || t.start >= s.end || out[i] !== 0) return;
      out[i] = first ? b : b + 1;
      first = false;
    });
  }
  return out;
}

/** Token ranges for a label sequence; a stray I- starts a new span. */
export function decodeLabels(path: ArrayLike<number>, labels: string[]): TokenRange[] {
  const spans: TokenRange[] = [];
  let cur: TokenRange | undefined;
  for (let i = 0; i < path.length; i++) {
    const name = labels[path[i]!]!;
    if (name === 'O') {
      cur = undefined;
      continue;
    }
    const entity = name.slice(2);
    if (name.startsWith('I-') && cur?.entity === entity) {
      cur.end = i + 1;
      continue;
    }
    cur = { entity, start: i, end: i + 1 };
    spans.push(cur);
  }
  return spans;
}

/** Label indices for "O" plus B-/I- of the given entities (those missing from `labels` are skipped). */
export function labelsOf(labels: string[], entities: string[]): Int32Array {
  const ids = entities.flatMap((e) => [labels.indexOf(`B-${e}`), labels.indexOf(`I-${e}`)]);
  return Int32Array.from([0, ...ids.filter((i) => i >= 0)]);
}

/** allowed[prev * L + cur]; prev === L means sentence start. I-x must follow B-x or I-x. */
export function transitionMask(labels: string[]): Uint8Array {
  const L = labels.length;
  const mask = new Uint8Array((L + 1) * L);
  for (let prev = 0; prev <= L; prev++) {
    for (let cur = 0; cur < L; cur++) {
      const name = labels[cur]!;
      const ok = !name.startsWith('I-') || (prev < L && labels[prev]!.slice(2) === name.slice(2));
      mask[prev * L + cur] = ok ? 1 : 0;
    }
  }
  return mask;
}
