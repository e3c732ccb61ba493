// Typo-tolerant normalization: lowercase and fold diacritics so "Café" and "cafe" share features.

const COMBINING_MARKS = /\p{M}+/gu;

/** Lowercases and strips combining marks; keeps length-changing letters like "ß" as they are. */
export function normalize(word: string): string {
  return word.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}
