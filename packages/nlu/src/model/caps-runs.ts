// Capitalized-run completion: a tagged name that covers only part of a run of capitalized words
// ("Experts" of "Experts Exchange", "Tropes" of "TV Tropes") is widened to the run, for the entities
// whose training spans cover whole runs. The tagger, trained on a few dozen sentences, often
// finds one word of a name it has never seen but not its boundary.
import { capitalizedRuns } from '../features/token-features.js';
import type { TokenRange } from '../tagger/bio.js';
import type { Token } from '../text/tokenize.js';
import type { Example } from '../types.js';
import { tokenRange } from './analyze.js';

/** What a model learned about capitalized runs from its training data. */
export interface CapsRuns {
  /** Entities whose spans are widened to the capitalized run they sit in. */
  entities: string[];
  /** Words written in lowercase somewhere in the training data ("install", "to"): common words, never widened onto. */
  vocabulary: Set<string>;
}

export interface CapsRunsJSON {
  entities: string[];
  vocabulary: string[];
}

const startsCapitalized = (t: Token) => /^[\p{Lu}\p{N}]/u.test(t.text);

/** Headline-cased text ("Totally Blocking Spam To Gmail Account"): most words after the first are capitalized. */
export function titleCased(tokens: Token[]): boolean {
  const words = tokens.slice(1).filter((t) => /[\p{L}\p{N}]/u.test(t.text));
  return words.length > 0 && words.filter(startsCapitalized).length * 2 >= words.length;
}

/**
 * Entities whose training spans, where they lie inside a run of two or more capitalized words (outside
 * headline-cased text), cover the whole run at least twice and at least twice as often as part of it.
 */
export function learnCapsRuns(examples: Example[], tokenized: Token[][]): CapsRuns | undefined {
  const whole = new Map<string, number>();
  const part = new Map<string, number>();
  examples.forEach((ex, i) => {
    const tokens = tokenized[i]!;
    if (titleCased(tokens)) return;
    const runs = capitalizedRuns(tokens).filter((r) => r.end - r.start >= 2);
    for (const s of ex.slots) {
      const r = tokenRange(tokens, s.start, s.end);
      const run = r && runs.find((c) => c.start <= r[0] && r[1] <= c.end);
      if (!r || !run) continue;
      const counts = run.start === r[0] && run.end === r[1] ? whole : part;
      counts.set(s.entity, (counts.get(s.entity) ?? 0) + 1);
    }
  });
  const entities = [...whole]
    .filter(([e, n]) => n >= 2 && n >= 2 * (part.get(e) ?? 0))
    .map(([e]) => e)
    .sort();
  if (entities.length === 0) return undefined;
  const vocabulary = new Set<string>();
  for (const tokens of tokenized)
    for (const t of tokens)
      if (/\p{L}/u.test(t.text) && t.text === t.text.toLowerCase()) vocabulary.add(t.norm);
  return { entities, vocabulary };
}

/**
 * Widens each span of a listed entity to the capitalized run it lies in, one word at a time, stopping at
 * another span and at common words (seen in lowercase in training, such as the "Install" of "How To Install
 * Canon LBP2900B"). Headline-cased sentences are left alone.
 */
export function extendToCapsRuns(ranges: TokenRange[], tokens: Token[], caps: CapsRuns): TokenRange[] {
  if (!ranges.some((r) => caps.entities.includes(r.entity)) || titleCased(tokens)) return ranges;
  const runs = capitalizedRuns(tokens);
  const out = ranges.map((r) => ({ ...r }));
  for (const r of out) {
    if (!caps.entities.includes(r.entity)) continue;
    const run = runs.find((c) => c.start <= r.start && r.end <= c.end);
    if (!run) continue;
    const open = (i: number) =>
      !caps.vocabulary.has(tokens[i]!.norm) && !out.some((o) => o !== r && o.start <= i && i < o.end);
    while (r.start > run.start && open(r.start - 1)) r.start--;
    while (r.end < run.end && open(r.end)) r.end++;
  }
  return out;
}

export const capsRunsToJSON = (c: CapsRuns): CapsRunsJSON => ({
  entities: c.entities,
  vocabulary: [...c.vocabulary].sort(),
});

export const capsRunsFromJSON = (j: CapsRunsJSON): CapsRuns => ({
  entities: j.entities,
  vocabulary: new Set(j.vocabulary),
});
