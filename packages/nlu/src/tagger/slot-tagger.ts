// Slot tagger for one label set: perceptron-trained weights plus constrained Viterbi decoding.
import { WeightTable, type WeightTableJSON } from '../features/weights.js';
import { bioLabels, decodeLabels, labelsOf, type TokenRange, transitionMask } from './bio.js';
import {
  allLabels,
  decode,
  type PerceptronOptions,
  type Sequence,
  trainPerceptron,
  transitions,
} from './perceptron.js';

export interface SlotTaggerJSON {
  entities: string[];
  weights: WeightTableJSON;
  /** Shared tagger only: the entities each intent may use. */
  entitiesByIntent?: Record<string, string[]>;
}

export class SlotTagger {
  readonly labels: string[];
  private readonly mask: Uint8Array;
  private readonly trans: Float64Array;
  private readonly all: Int32Array;

  constructor(
    readonly entities: string[],
    private readonly weights: WeightTable,
    readonly entitiesByIntent?: Record<string, string[]>,
  ) {
    this.labels = bioLabels(entities);
    this.mask = transitionMask(this.labels);
    this.trans = transitions(weights, this.labels.length);
    this.all = allLabels(this.labels.length);
  }

  static train(
    entities: string[],
    data: Sequence[],
    opts: PerceptronOptions,
    entitiesByIntent?: Record<string, string[]>,
  ): SlotTagger {
    const labels = bioLabels(entities);
    const weights = trainPerceptron(data, labels.length, transitionMask(labels), opts);
    return new SlotTagger(entities, weights, entitiesByIntent);
  }

  /** Tags a sentence; a restricted shared tagger only uses the slots seen with `intent`. */
  tag(feats: Uint32Array[], intent?: string): TokenRange[] {
    if (this.entities.length === 0) return [];
    const restricted = intent === undefined ? undefined : this.entitiesByIntent?.[intent];
    const allowed = restricted ? labelsOf(this.labels, restricted) : this.all;
    const path = decode(this.weights, this.labels.length, this.mask, feats, this.trans, allowed);
    return decodeLabels(path, this.labels);
  }

  toJSON(): SlotTaggerJSON {
    const json: SlotTaggerJSON = { entities: this.entities, weights: this.weights.toJSON() };
    if (this.entitiesByIntent) json.entitiesByIntent = this.entitiesByIntent;
    return json;
  }

  static fromJSON(json: SlotTaggerJSON): SlotTagger {
    return new SlotTagger(json.entities, WeightTable.fromJSON(json.weights), json.entitiesByIntent);
  }
}
