// The trained NLU model: parses utterances and serializes to compact JSON.

import { extractBuiltins } from '../builtins/index.js';
import { IntentClassifier, type IntentClassifierJSON } from '../classifier/intent-classifier.js';
import { Gazetteer, type GazetteerJSON } from '../features/gazetteer.js';
import { intentFeatures } from '../features/intent-features.js';
import { CORE_WORD_FEATURES } from '../features/token-features.js';
import { type WordClusters, wordClusters } from '../features/word-clusters.js';
import { SlotTagger, type SlotTaggerJSON } from '../tagger/slot-tagger.js';
import type { BuiltinEntity, IntentScore, ParsedEntity, ParseOptions, ParseResult } from '../types.js';
import { hash32 } from '../util/hash.js';
import { analyze } from './analyze.js';
import {
  type CapsRuns,
  type CapsRunsJSON,
  capsRunsFromJSON,
  capsRunsToJSON,
  extendToCapsRuns,
} from './caps-runs.js';

/**
 * Bumped whenever the features a model is scored with change, so a model saved by an older version is
 * refused (and retrained by its owner) rather than scored with features it was not trained on.
 * 2: function words weigh less in the intent features.
 * 3: tagged names are widened to their capitalized run (`capsRuns`).
 * 4: word-vector clusters as tagger features (`wordClusters`), on by default from 50 examples per intent.
 */
export const MODEL_VERSION = 4;

export interface ModelJSON {
  format: 'concierge-nlu';
  version: typeof MODEL_VERSION;
  outOfScopeThreshold: number;
  outOfScopeIntent?: string;
  classifier: IntentClassifierJSON;
  /** Keyed by intent, or by "*" for the shared tagger. */
  taggers: Record<string, SlotTaggerJSON>;
  gazetteer: GazetteerJSON;
  /** Entities widened to capitalized runs, and the training data's lowercase words; absent when none. */
  capsRuns?: CapsRunsJSON;
  /** Present when the taggers use the shipped word clusters: their sizes and word count, checked on load. */
  wordClusters?: { sizes: number[]; words: number };
}

export interface ModelParts {
  classifier: IntentClassifier;
  taggers: Map<string, SlotTagger>;
  gazetteer: Gazetteer;
  outOfScopeThreshold: number;
  outOfScopeIntent?: string;
  capsRuns?: CapsRuns;
  clusters?: WordClusters;
}

/** Feature that tells the shared tagger which intent the sentence has. */
export const intentFeature = (intent: string): number => hash32(`intent=${intent}`);

/**
 * A token's features for the shared tagger: the intent, plus the current and neighbouring words
 * conjoined with the intent, so "in X" can mean different slots in different intents.
 */
export function withIntent(row: Uint32Array, intent: string): Uint32Array {
  const f = intentFeature(intent);
  const out = new Uint32Array(row.length + 1 + CORE_WORD_FEATURES);
  out.set(row);
  out[row.length] = f;
  for (let j = 0; j < CORE_WORD_FEATURES; j++) {
    out[row.length + 1 + j] = Math.imul(row[1 + j]! ^ f, 0x9e3779b1) >>> 0;
  }
  return out;
}

/** What a parse decides from the words and the builtins' places alone: the same whenever those are the same. */
interface Decision {
  intent: IntentScore;
  intents: IntentScore[];
  outOfScope: boolean;
  /** Tagged slots as character ranges, with the gazetteer's canonical value. */
  slots: { entity: string; start: number; end: number; canonical: string | undefined }[];
  /** Kind and place of each builtin the decision was made with. */
  places: string;
}

const placesOf = (builtins: BuiltinEntity[]) =>
  builtins.map((b) => `${b.kind}@${b.start}-${b.end}`).join(' ');

/** Texts up to this long (quick replies, short answers) keep their parse decision in the model's cache. */
export const PARSE_CACHE_MAX_TEXT = 40;
const PARSE_CACHE_ENTRIES = 4096;

export class NluModel {
  /** Decisions for short texts by time zone and text, least recently used first. */
  private readonly decisions = new Map<string, Decision>();

  constructor(private readonly parts: ModelParts) {}

  get intents(): string[] {
    return this.parts.classifier.intents;
  }

  /**
   * Classifies the intent and extracts slots and builtin entities.
   * Short texts ("Tomorrow", "8pm", "yes") reuse the classification and tagging of an earlier parse of the
   * same text when the builtins are found in the same places; the builtins themselves (dates relative to
   * `referenceDate`) are extracted afresh on every parse, so the result is the same as without the cache.
   * @example
   * const r = model.parse('table for 4 in Chelsea tomorrow', { timeZone: 'Europe/London' });
   * r.intent.name; // "book_table"
   * r.entities; // [{ entity: "area", value: "Chelsea", start: 15, end: 22 }]
   */
  parse(text: string, opts: ParseOptions = {}): ParseResult {
    const builtinOptions = {
      referenceDate: opts.referenceDate ?? new Date(),
      timeZone: opts.timeZone ?? 'UTC',
    };
    const builtins = extractBuiltins(text, builtinOptions);
    const places = placesOf(builtins);
    const cacheable = text.length <= PARSE_CACHE_MAX_TEXT;
    const key = `${builtinOptions.timeZone}\u0000${text}`;
    let decision = cacheable ? this.decisions.get(key) : undefined;
    if (decision?.places === places) {
      this.decisions.delete(key);
      this.decisions.set(key, decision);
    } else {
      decision = this.decide(text, builtins, builtinOptions, places);
      if (cacheable) {
        this.decisions.set(key, decision);
        if (this.decisions.size > PARSE_CACHE_ENTRIES)
          this.decisions.delete(this.decisions.keys().next().value as string);
      }
    }
    const entities: ParsedEntity[] = decision.slots.map(({ entity, start, end, canonical }) => {
      const value = text.slice(start, end);
      const e: ParsedEntity = { entity, value, start, end };
      const builtin = builtins.find((b) => b.start < end && start < b.end && b.kind !== 'number');
      if (canonical !== undefined && canonical !== value) e.resolved = canonical;
      else if (builtin) e.resolved = builtin.value;
      return e;
    });
    return {
      text,
      intent: { ...decision.intent },
      intents: decision.intents.map((i) => ({ ...i })),
      outOfScope: decision.outOfScope,
      entities,
      builtins,
    };
  }

  private decide(
    text: string,
    builtins: BuiltinEntity[],
    options: { referenceDate: Date; timeZone: string },
    places: string,
  ): Decision {
    const { classifier, taggers, gazetteer, outOfScopeThreshold, outOfScopeIntent, capsRuns } = this.parts;
    const a = analyze(text, gazetteer, { ...options, builtins, clusters: this.parts.clusters });
    const intents = classifier.rank(intentFeatures(a.tokens, a.kinds));
    const intent = intents[0]!;
    const outOfScope = intent.name === outOfScopeIntent || intent.confidence < outOfScopeThreshold;
    let tagger = taggers.get(intent.name);
    let feats = a.feats;
    if (!tagger) {
      tagger = taggers.get('*');
      feats = feats.map((row) => withIntent(row, intent.name));
    }
    let ranges = tagger?.tag(feats, intent.name) ?? [];
    if (capsRuns) ranges = extendToCapsRuns(ranges, a.tokens, capsRuns);
    const slots = ranges.map((r) => {
      const start = a.tokens[r.start]!.start;
      const end = a.tokens[r.end - 1]!.end;
      return { entity: r.entity, start, end, canonical: gazetteer.resolve(r.entity, text.slice(start, end)) };
    });
    return { intent, intents: intents.slice(0, 5), outOfScope, slots, places };
  }

  toJSON(): ModelJSON {
    const { classifier, taggers, gazetteer, outOfScopeThreshold, outOfScopeIntent } = this.parts;
    const json: ModelJSON = {
      format: 'concierge-nlu',
      version: MODEL_VERSION,
      outOfScopeThreshold,
      classifier: classifier.toJSON(),
      taggers: Object.fromEntries([...taggers].map(([k, t]) => [k, t.toJSON()])),
      gazetteer: gazetteer.toJSON(),
    };
    if (outOfScopeIntent !== undefined) json.outOfScopeIntent = outOfScopeIntent;
    if (this.parts.capsRuns) json.capsRuns = capsRunsToJSON(this.parts.capsRuns);
    const clusters = this.parts.clusters;
    if (clusters) json.wordClusters = { sizes: clusters.sizes, words: clusters.size };
    return json;
  }

  /**
   * Restores a model saved with `toJSON`.
   * @example
   * const model = NluModel.fromJSON(JSON.parse(readFileSync('model.json', 'utf8')));
   */
  static fromJSON(json: ModelJSON): NluModel {
    if (json.format !== 'concierge-nlu') throw new Error('not a concierge-nlu model');
    if (json.version !== MODEL_VERSION)
      throw new Error(
        `concierge-nlu model version ${json.version}, this engine reads version ${MODEL_VERSION}: retrain it`,
      );
    const parts: ModelParts = {
      classifier: IntentClassifier.fromJSON(json.classifier),
      taggers: new Map(Object.entries(json.taggers).map(([k, t]) => [k, SlotTagger.fromJSON(t)])),
      gazetteer: Gazetteer.fromJSON(json.gazetteer),
      outOfScopeThreshold: json.outOfScopeThreshold,
    };
    if (json.outOfScopeIntent !== undefined) parts.outOfScopeIntent = json.outOfScopeIntent;
    if (json.capsRuns) parts.capsRuns = capsRunsFromJSON(json.capsRuns);
    if (json.wordClusters) {
      const clusters = wordClusters();
      if (
        clusters.sizes.join() !== json.wordClusters.sizes.join() ||
        clusters.size !== json.wordClusters.words
      )
        throw new Error(
          'concierge-nlu model trained with other word clusters than this engine ships: retrain it',
        );
      parts.clusters = clusters;
    }
    return new NluModel(parts);
  }
}
