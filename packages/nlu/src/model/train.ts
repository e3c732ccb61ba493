// Training pipeline: gazetteer from data, intent classifier, then slot taggers.
import { IntentClassifier } from '../classifier/intent-classifier.js';
import { entryKey, Gazetteer, surfaceOf } from '../features/gazetteer.js';
import { GEO_GAZETTEERS } from '../features/geo.js';
import { intentFeatures } from '../features/intent-features.js';
import { wordClusters } from '../features/word-clusters.js';
import type { Dataset, Example, GazetteerEntry } from '../types.js';
import { createRng } from '../util/rng.js';
import { type Analysis, analyze } from './analyze.js';
import { learnCapsRuns } from './caps-runs.js';
import { type ModelParts, NluModel } from './model.js';
import { resolveOptions, TRAINING_REFERENCE, type TrainOptions } from './options.js';
import { trainTaggers } from './train-taggers.js';

function buildGazetteer(
  examples: Example[],
  lists: (Record<string, GazetteerEntry[]> | undefined)[],
): Gazetteer {
  const g = new Gazetteer();
  for (const [kind, values] of Object.entries(GEO_GAZETTEERS)) for (const v of values) g.add(kind, v, v);
  for (const list of lists) {
    for (const [entity, entries] of Object.entries(list ?? {})) {
      for (const e of entries) {
        g.add(entity, e.value, e.value);
        for (const s of e.synonyms ?? []) g.add(entity, s, e.value);
      }
    }
  }
  // Values seen in training count once per annotation, so leave-one-out can discount them.
  for (const ex of examples)
    for (const s of ex.slots) g.add(s.entity, s.value, g.resolve(s.entity, s.value) ?? s.value, 1);
  return g;
}

function ownCounts(ex: Example): Map<string, number> {
  const own = new Map<string, number>();
  for (const s of ex.slots) {
    const k = entryKey(s.entity, surfaceOf(s.value));
    own.set(k, (own.get(k) ?? 0) + 1);
  }
  return own;
}

/** `wordClusters: 'auto'` needs this many examples of every intent (the taggers of tiny corpora lose by them). */
const WORD_CLUSTERS_MIN_PER_INTENT = 50;

function fewestPerIntent(labels: string[]): number {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return Math.min(...counts.values());
}

/**
 * Trains a model from labelled utterances. Deterministic for a given dataset and seed.
 * @example
 * const model = train(importBotYaml(readFileSync('bot.yaml', 'utf8')), { seed: 1 });
 * model.parse('book a table in Soho').intent.name; // "book_table"
 */
export function train(dataset: Dataset, options: TrainOptions = {}): NluModel {
  const o = resolveOptions(options);
  const log = o.onProgress ?? (() => {});
  const examples = dataset.examples;
  if (examples.length === 0) throw new Error('cannot train on an empty dataset');
  const gazetteer = buildGazetteer(examples, [dataset.gazetteers, o.gazetteers]);
  log(`analyzing ${examples.length} examples`);
  const rng = createRng(o.seed);
  const drop = () => rng() < o.gazetteerDropout;
  const useClusters =
    o.wordClusters === 'auto'
      ? fewestPerIntent(examples.map((e) => e.intent)) >= WORD_CLUSTERS_MIN_PER_INTENT
      : o.wordClusters;
  const clusters = useClusters ? wordClusters() : undefined;
  const analyses: Analysis[] = examples.map((ex) =>
    analyze(ex.text, gazetteer, { ...TRAINING_REFERENCE, own: ownCounts(ex), drop, clusters }),
  );

  log(`training intent classifier (${o.intentEpochs} epochs)`);
  const xs = analyses.map((a) => intentFeatures(a.tokens, a.kinds));
  const labels = examples.map((e) => e.intent);
  const classifier = IntentClassifier.train(xs, labels, {
    epochs: o.intentEpochs,
    learningRate: o.learningRate,
    seed: o.seed,
    naiveBayesScaling: o.naiveBayesScaling === 'auto' ? fewestPerIntent(labels) < 1000 : o.naiveBayesScaling,
  });

  const taggers = trainTaggers(examples, analyses, o);
  const parts: ModelParts = { classifier, taggers, gazetteer, outOfScopeThreshold: o.outOfScopeThreshold };
  if (clusters) parts.clusters = clusters;
  if (dataset.outOfScopeIntent) parts.outOfScopeIntent = dataset.outOfScopeIntent;
  const capsRuns = learnCapsRuns(
    examples,
    analyses.map((a) => a.tokens),
  );
  if (capsRuns) parts.capsRuns = capsRuns;
  return new NluModel(parts);
}
