// FNV-1a string hashing: features become 32-bit ids, so models store no feature strings.

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
