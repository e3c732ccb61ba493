// Training options with their defaults.
import type { GazetteerEntry } from '../types.js';

export type TaggerMode = 'per-intent' | 'shared-restricted' | 'shared';

export interface TrainOptions {
  /** Seed for shuffling; the same data and seed give the same model. Default 1. */
  seed?: number;
  /** Passes over the data for the intent classifier. Default 15. */
  intentEpochs?: number;
  /** Passes over the data for the slot taggers. Default 10. */
  taggerEpochs?: number;
  /**
   * Share of each token's tagger features hidden at random in every training pass (feature dropout),
   * so the tagger cannot lean on a few word identities and also learns shapes and context. Default
   * "auto": 0.35 when some intent has fewer than 50 examples (tiny corpora), else 0.
   */
  taggerDropout?: number | 'auto';
  /** Initial SGD learning rate of the intent classifier. Default 3. */
  learningRate?: number;
  /**
   * Scale each intent feature, per intent, by its naive-Bayes log-count ratio (NBSVM-style, capped at 2),
   * so words that single out an intent count for more than words every intent shares. Default "auto": on
   * when some intent has fewer than 1000 examples (it cost SNIPS full, about 2,000 per intent, two dev
   * utterances), else off.
   */
  naiveBayesScaling?: boolean | 'auto';
  /**
   * Give the slot tagger the word-vector clusters (64 and 256 k-means clusters of pretrained English word
   * vectors, shipped in vectors/word-clusters.tsv.gz) of the word and its neighbours as features. Default
   * "auto": on when every intent has at least 50 examples (SNIPS: +0.9 to +1.4 slot F1 on the small dev
   * splits, +0.1 on full); off for tiny corpora, where it cost the Braun corpora 0.4 to 0.8 intent+slot F1.
   */
  wordClusters?: boolean | 'auto';
  /**
   * Share of curated gazetteer matches (supplied lists, built-in places) hidden from each training
   * sentence, so slots are also learned from context and values missing from the lists are still
   * found. Values known only from training annotations are handled by leave-one-out instead. Default 0.5.
   */
  gazetteerDropout?: number;
  /** Below this top-intent confidence an utterance is out of scope. Default 0.4. */
  outOfScopeThreshold?: number;
  /**
   * How slot taggers are split:
   * - "per-intent": one tagger per intent (fast; best with ≥ 1000 examples per intent);
   * - "shared-restricted": one tagger for all intents, each sentence decoded only with the labels its
   *   intent uses (shares evidence for slots like city across intents);
   * - "shared": one tagger, all labels allowed (for tiny corpora, where an intent may lack examples
   *   of a slot it can have).
   * Default "auto": per-intent from 1000 examples per intent, shared-restricted from 50, else shared.
   */
  taggerMode?: TaggerMode | 'auto';
  /** Extra gazetteers (e.g. catalog product names), merged with the dataset's. */
  gazetteers?: Record<string, GazetteerEntry[]>;
  /** Called with human-readable progress messages. */
  onProgress?: (message: string) => void;
}

export type ResolvedTrainOptions = Required<Omit<TrainOptions, 'gazetteers' | 'onProgress'>> &
  Pick<TrainOptions, 'gazetteers' | 'onProgress'>;

export function resolveOptions(o: TrainOptions): ResolvedTrainOptions {
  return {
    seed: o.seed ?? 1,
    intentEpochs: o.intentEpochs ?? 15,
    taggerEpochs: o.taggerEpochs ?? 10,
    taggerDropout: o.taggerDropout ?? 'auto',
    learningRate: o.learningRate ?? 3,
    naiveBayesScaling: o.naiveBayesScaling ?? 'auto',
    wordClusters: o.wordClusters ?? 'auto',
    outOfScopeThreshold: o.outOfScopeThreshold ?? 0.4,
    gazetteerDropout: o.gazetteerDropout ?? 0.5,
    taggerMode: o.taggerMode ?? 'auto',
    gazetteers: o.gazetteers,
    onProgress: o.onProgress,
  };
}

/** Fixed reference for builtin features during training, so features never depend on the clock. */
export const TRAINING_REFERENCE = { referenceDate: new Date('2024-01-01T12:00:00Z'), timeZone: 'UTC' };
