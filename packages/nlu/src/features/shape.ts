// Word shape features: capitalization and digit patterns generalize to unseen names and numbers.

/** "Chelsea" → "Xx", "12.04" → "d.d", "iPhone" → "xXx" (runs collapsed). */
export function shortShape(word: string): string {
  let out = '';
  for (const ch of word) {
    let c: string;
    if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{L}/u.test(ch)) c = 'x';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else c = ch;
    if (!out.endsWith(c)) out += c;
  }
  return out;
}
