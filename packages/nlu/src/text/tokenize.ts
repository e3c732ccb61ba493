// Tokenizer that keeps character offsets so tagger output maps back onto the original text.
import { normalize } from './normalize.js';

export interface Token {
  /** Surface form exactly as it appears in the text. */
  text: string;
  /** Normalized form used for features. */
  norm: string;
  start: number;
  end: number;
}

// Order matters: numbers keep their separators ("12.04", "7:30"), words keep inner apostrophes
// ("don't") and hyphens and dots ("s-bahn", "last.fm"), but the possessive "'s" splits off, emoji sequences stay whole, and any other visible character is its own token.
const TOKEN = new RegExp(
  [
    String.raw`\p{N}+(?:[.,:]\p{N}+)*(?:\p{L}+)?`,
    String.raw`[\p{L}\p{M}\p{N}_]+(?:(?:[-.]|['\u2019](?![sS]\b))[\p{L}\p{M}\p{N}]+)*`,
    String.raw`['\u2019][sS]\b`,
    String.raw`\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{Emoji_Modifier})*`,
    String.raw`[^\s]`,
  ].join('|'),
  'gu',
);

/**
 * Splits text into tokens with `[start, end)` character offsets.
 * @example
 * tokenize("Café's 7:30pm"); // [{ text: 'Café', norm: 'cafe', start: 0, end: 4 }, { text: "'s", ... }, { text: '7:30pm', ... }]
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    tokens.push({ text: m[0], norm: normalize(m[0]), start, end: start + m[0].length });
  }
  return tokens;
}
