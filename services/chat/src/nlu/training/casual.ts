// Casual phrasing for generated sentences: lower case, fillers and typos, never inside a slot value.
import type { Rng } from './seeded.js';

/** A piece of a sentence; `entity` marks a slot value the tagger must learn. */
export interface Segment {
  text: string;
  entity?: string;
}

const openers = ['hey ', 'hi, ', 'ok ', 'so ', 'um ', 'please ', 'yo ', 'hello, '];
const closers = [' please', ' pls', ' thanks', '?', '!', ' asap', ' thx', ' :)'];

function typo(word: string, rng: Rng): string {
  const i = 1 + Math.floor(rng.next() * (word.length - 2));
  const kind = rng.next();
  if (kind < 0.4) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (kind < 0.7) return word.slice(0, i) + word.slice(i + 1);
  return word.slice(0, i) + word[i] + word.slice(i);
}

function misspell(text: string, rng: Rng): string {
  const words = text.split(' ');
  const long = words.map((w, i) => (/^[a-z]{5,}$/i.test(w) ? i : -1)).filter((i) => i >= 0);
  if (long.length === 0) return text;
  const at = rng.pick(long);
  words[at] = typo(words[at]!, rng);
  return words.join(' ');
}

/** Returns a casual variant of the segments (same slots, same order). */
export function casualize(segments: Segment[], rng: Rng): Segment[] {
  const lower = rng.chance(0.6);
  const plainIndexes = segments.map((s, i) => (s.entity ? -1 : i)).filter((i) => i >= 0);
  const out = segments.map((s) => ({ ...s, text: lower ? s.text.toLowerCase() : s.text }));
  if (plainIndexes.length > 0 && rng.chance(0.3)) {
    const i = rng.pick(plainIndexes);
    out[i] = { text: misspell(out[i]!.text, rng) };
  }
  if (rng.chance(0.15)) out.unshift({ text: rng.pick(openers) });
  if (rng.chance(0.15)) out.push({ text: rng.pick(closers) });
  if (rng.chance(0.1)) return out.map((s) => (s.entity ? s : { text: s.text.replace(/'/g, '') }));
  return out;
}
