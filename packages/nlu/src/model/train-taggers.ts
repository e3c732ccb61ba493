// Slot taggers: one per intent, or one shared tagger that gets the intent as a feature.
import { bioLabels, encodeSpans, labelsOf } from '../tagger/bio.js';
import type { Sequence } from '../tagger/perceptron.js';
import { SlotTagger } from '../tagger/slot-tagger.js';
import type { Example } from '../types.js';
import type { Analysis } from './analyze.js';
import { withIntent } from './model.js';
import type { ResolvedTrainOptions, TaggerMode } from './options.js';

const sortedEntities = (rows: Example[]) =>
  [...new Set(rows.flatMap((e) => e.slots.map((s) => s.entity)))].sort();

const fewestExamples = (byIntent: Map<string, number[]>) =>
  Math.min(...[...byIntent.values()].map((ids) => ids.length));

function chooseMode(byIntent: Map<string, number[]>, mode: ResolvedTrainOptions['taggerMode']): TaggerMode {
  if (mode !== 'auto') return mode;
  const fewest = fewestExamples(byIntent);
  if (fewest >= 1000) return 'per-intent';
  return fewest >= 50 ? 'shared-restricted' : 'shared';
}

export function trainTaggers(
  examples: Example[],
  analyses: Analysis[],
  o: ResolvedTrainOptions,
): Map<string, SlotTagger> {
  const log = o.onProgress ?? (() => {});
  const byIntent = new Map<string, number[]>();
  for (const [i, ex] of examples.entries()) byIntent.set(ex.intent, [...(byIntent.get(ex.intent) ?? []), i]);
  const mode = chooseMode(byIntent, o.taggerMode);
  const dropout = o.taggerDropout === 'auto' ? (fewestExamples(byIntent) < 50 ? 0.35 : 0) : o.taggerDropout;
  const opts = { epochs: o.taggerEpochs, seed: o.seed, dropout };
  const taggers = new Map<string, SlotTagger>();
  if (mode === 'per-intent') {
    for (const [intent, ids] of byIntent) {
      const entities = sortedEntities(ids.map((i) => examples[i]!));
      const labels = bioLabels(entities);
      const data: Sequence[] = ids.map((i) => ({
        feats: analyses[i]!.feats,
        gold: encodeSpans(analyses[i]!.tokens, examples[i]!.slots, labels),
      }));
      log(`training slot tagger "${intent}" (${ids.length} examples, ${entities.length} entities)`);
      taggers.set(intent, SlotTagger.train(entities, data, opts));
    }
    return taggers;
  }
  const entities = sortedEntities(examples);
  const labels = bioLabels(entities);
  const byIntentEntities: Record<string, string[]> = {};
  for (const [intent, ids] of byIntent)
    byIntentEntities[intent] = sortedEntities(ids.map((i) => examples[i]!));
  const restrict = mode === 'shared-restricted';
  const data: Sequence[] = examples.map((ex, i) => {
    const seq: Sequence = {
      feats: analyses[i]!.feats.map((row) => withIntent(row, ex.intent)),
      gold: encodeSpans(analyses[i]!.tokens, ex.slots, labels),
    };
    if (restrict) seq.allowed = labelsOf(labels, byIntentEntities[ex.intent]!);
    return seq;
  });
  log(`training ${mode} slot tagger (${examples.length} examples, ${entities.length} entities)`);
  taggers.set('*', SlotTagger.train(entities, data, opts, restrict ? byIntentEntities : undefined));
  return taggers;
}
