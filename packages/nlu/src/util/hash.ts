// FNV-1a string hashing: features become 32-bit ids, so models store no feature strings.

const OFFSET = 0x811c9dc5;

/** Continues an FNV-1a hash over `s[from, to)`; lets callers hash feature parts without concatenating. */
export function fnv(h: number, s: string, from = 0, to = s.length): number {
  let x = h;
  for (let i = from; i < to; i++) {
    x ^= s.charCodeAt(i);
    x = Math.imul(x, 0x01000193);
  }
  return x;
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
export function hash32(s: string): number {
  return fnv(OFFSET, s) >>> 0;
}

/** Hash of the parts joined by "|", equal to `hash32(parts.join('|'))`. */
export function hashJoin(a: string, b: string, c?: string, d?: string): number {
  let h = fnv(fnv(fnv(OFFSET, a), '|'), b);
  if (c !== undefined) h = fnv(fnv(h, '|'), c);
  if (d !== undefined) h = fnv(fnv(h, '|'), d);
  return h >>> 0;
}
