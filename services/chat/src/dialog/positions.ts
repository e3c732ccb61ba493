// Places in a list as people say them ("the second one", "the 5th", "number 3", "2"), for buttons and cards alike.

export const ordinalWords = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];
const ordinalPattern =
  /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top|middle|last|(\d{1,2})(?:st|nd|rd|th))\b|(?:\bnumber|\bno\.?|\boption|#)\s*(\d{1,2})\b/i;

/** The position the text names ("the second one", "the 5th", "number 3", "2"), 0-based; -1 for "last". */
export function cardPosition(text: string): number | undefined {
  // "2" answering a numbered list.
  const bare = /^\s*(\d{1,2})\s*[.!?]?\s*$/.exec(text);
  if (bare) return Number(bare[1]) - 1;
  const m = ordinalPattern.exec(text);
  if (!m) return undefined;
  const word = m[1]?.toLowerCase();
  if (word === 'top') return 0;
  if (word === 'middle') return 1;
  if (word === 'last') return -1;
  const digits = m[2] ?? m[3];
  if (digits) return Number(digits) - 1;
  return ordinalWords.indexOf(word!);
}
