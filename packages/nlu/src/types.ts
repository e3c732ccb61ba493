// Shared data shapes: training examples, datasets, gazetteers and parse results.

/** A labelled character span inside an utterance (`end` is exclusive). */
export interface SlotSpan {
  entity: string;
  value: string;
  start: number;
  end: number;
}

/** One training or test utterance. */
export interface Example {
  text: string;
  intent: string;
  slots: SlotSpan[];
}

/** A gazetteer value with the surface forms that should resolve to it. */
export interface GazetteerEntry {
  value: string;
  synonyms?: string[];
}

/** Everything an importer produces and `train` consumes. */
export interface Dataset {
  examples: Example[];
  /** Known values per entity, used as tagger features and to resolve synonyms. */
  gazetteers?: Record<string, GazetteerEntry[]>;
  /** Intent name the bot uses for out-of-scope utterances, if it defines one. */
  outOfScopeIntent?: string;
}

export interface IntentScore {
  name: string;
  confidence: number;
}

export interface ParsedEntity {
  entity: string;
  value: string;
  start: number;
  end: number;
  confidence?: number;
  /** Canonical gazetteer value, or the builtin resolution overlapping the span. */
  resolved?: unknown;
}

export type BuiltinKind = 'datetime' | 'number' | 'party_size' | 'money' | 'email' | 'phone';

export interface BuiltinEntity {
  kind: BuiltinKind;
  text: string;
  start: number;
  end: number;
  value: unknown;
}

export interface ParseOptions {
  /** Instant that relative dates ("tomorrow") are resolved against; defaults to now. */
  referenceDate?: Date;
  /** IANA time zone of the user, e.g. "Europe/London"; defaults to UTC. */
  timeZone?: string;
}

export interface ParseResult {
  text: string;
  intent: IntentScore;
  intents: IntentScore[];
  outOfScope: boolean;
  entities: ParsedEntity[];
  builtins: BuiltinEntity[];
}
