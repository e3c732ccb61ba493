// The trained NLU model: parses utterances and serializes to compact JSON.
import { IntentClassifier, type IntentClassifierJSON } from '../classifier/intent-classifier.js';
import { Gazetteer, type GazetteerJSON } from '../features/gazetteer.js';
import { intentFeatures } from '../features/intent-features.js';
import { CORE_WORD_FEATURES } from '../features/token-features.js';
import { SlotTagger, type SlotTaggerJSON } from '../tagger/slot-tagger.js';
import type { ParsedEntity, ParseOptions, ParseResult } from '../types.js';
import { hash32 } from '../util/hash.js';
import { analyze } from './analyze.js';

export interface ModelJSON {
  format: 'concierge-nlu';
  version: 1;
  outOfScopeThreshold: number;
  outOfScopeIntent?: string;
  classifier: IntentClassifierJSON;
  /** Keyed by intent, or by "*" for the shared tagger. */
  taggers: Record<string, SlotTaggerJSON>;
  gazetteer: GazetteerJSON;
}

export interface ModelParts {
  classifier: IntentClassifier;
  taggers: Map<string, SlotTagger>;
  gazetteer: Gazetteer;
  outOfScopeThreshold: number;
  outOfScopeIntent?: string;
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

export class NluModel {
  constructor(private readonly parts: ModelParts) {}

  get intents(): string[] {
    return this.parts.classifier.intents;
  }

  /**
   * Classifies the intent and extracts slots and builtin entities.
   * @example
   * const r = model.parse('table for 4 in Chelsea tomorrow', { timeZone: 'Europe/London' });
   * r.intent.name; // "book_table"
   * r.entities; // [{ entity: "area", value: "Chelsea", start: 15, end: 22 }]
   */
  parse(text: string, opts: ParseOptions = {}): ParseResult {
    const { classifier, taggers, gazetteer, outOfScopeThreshold, outOfScopeIntent } = this.parts;
    const a = analyze(text, gazetteer, {
      referenceDate: opts.referenceDate ?? new Date(),
      timeZone: opts.timeZone ?? 'UTC',
    });
    const intents = classifier.rank(intentFeatures(a.tokens, a.kinds));
    const intent = intents[0]!;
    const outOfScope = intent.name === outOfScopeIntent || intent.confidence < outOfScopeThreshold;
    let tagger = taggers.get(intent.name);
    let feats = a.feats;
    if (!tagger) {
      tagger = taggers.get('*');
      feats = feats.map((row) => withIntent(row, intent.name));
    }
    const entities: ParsedEntity[] = (tagger?.tag(feats, intent.name) ?? []).map((r) => {
      const start = a.tokens[r.start]!.start;
      const end = a.tokens[r.end - 1]!.end;
      const value = text.slice(start, end);
      const e: ParsedEntity = { entity: r.entity, value, start, end };
      const canonical = gazetteer.resolve(r.entity, value);
      const builtin = a.builtins.find((b) => b.start < end && start < b.end && b.kind !== 'number');
      if (canonical !== undefined && canonical !== value) e.resolved = canonical;
      else if (builtin) e.resolved = builtin.value;
      return e;
    });
    return { text, intent, intents: intents.slice(0, 5), outOfScope, entities, builtins: a.builtins };
  }

  toJSON(): ModelJSON {
    const { classifier, taggers, gazetteer, outOfScopeThreshold, outOfScopeIntent } = this.parts;
    const json: ModelJSON = {
      format: 'concierge-nlu',
      version: 1,
      outOfScopeThreshold,
      classifier: classifier.toJSON(),
      taggers: Object.fromEntries([...taggers].map(([k, t]) => [k, t.toJSON()])),
      gazetteer: gazetteer.toJSON(),
    };
    if (outOfScopeIntent !== undefined) json.outOfScopeIntent = outOfScopeIntent;
    return json;
  }

  /**
   * Restores a model saved with `toJSON`.
   * @example
   * const model = NluModel.fromJSON(JSON.parse(readFileSync('model.json', 'utf8')));
   */
  static fromJSON(json: ModelJSON): NluModel {
    if (json.format !== 'concierge-nlu' || json.version !== 1)
      throw new Error('not a concierge-nlu v1 model');
    const parts: ModelParts = {
      classifier: IntentClassifier.fromJSON(json.classifier),
      taggers: new Map(Object.entries(json.taggers).map(([k, t]) => [k, SlotTagger.fromJSON(t)])),
      gazetteer: Gazetteer.fromJSON(json.gazetteer),
      outOfScopeThreshold: json.outOfScopeThreshold,
    };
    if (json.outOfScopeIntent !== undefined) parts.outOfScopeIntent = json.outOfScopeIntent;
    return new NluModel(parts);
  }
}
