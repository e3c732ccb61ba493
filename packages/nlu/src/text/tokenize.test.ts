// Tokenizer offsets and normalization.
import { describe, expect, it } from 'vitest';
import { normalize } from './normalize.js';
import { tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('keeps character offsets that slice back to the surface form', () => {
    const text = "  Book Café Rouge, for 2 — at 7:30pm! 🍕👍🏽 don't";
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokenize(text).map((t) => t.text)).toEqual([
      'Book',
      'Café',
      'Rouge',
      ',',
      'for',
      '2',
      '—',
      'at',
      '7:30pm',
      '!',
      '🍕',
      '👍🏽',
      "don't",
    ]);
  });

  it('splits the possessive so names end on a token boundary', () => {
    expect(tokenize("tobymac's song").map((t) => t.text)).toEqual(['tobymac', "'s", 'song']);
  });

  it('keeps version-like numbers whole', () => {
    expect(tokenize('upgrade 12.04 to 13.10').map((t) => t.text)).toEqual([
      'upgrade',
      '12.04',
      'to',
      '13.10',
    ]);
  });

  it('normalizes case and diacritics', () => {
    expect(normalize('Crème Brûlée')).toBe('creme brulee');
    expect(tokenize('MÚSICA').map((t) => t.norm)).toEqual(['musica']);
  });
});
