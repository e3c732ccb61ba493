// Slot tagger for one label set: perceptron-trained weights plus constrained Viterbi decoding.
import { WeightTable, type WeightTableJSON } from '../features/weights.js';
import { bioLabels, decodeLabels, type TokenRange, transitionMask } from './bio.js';
import { decode, type Sequence, trainPerceptron, transitions } from './perceptron.js';

export interface SlotTaggerJSON {
  entities: string[];
  weights: WeightTableJSON;
}

export class SlotTagger {
  readonly labels: string[];
  private readonly mask: Uint8Array;
  private readonly trans: Float64Array;

  constructor(
    readonly entities: string[],
    private readonly weights: WeightTable,
  ) {
    this.labels = bioLabels(entities);
    this.mask = transitionMask(this.labels);
    this.trans = transitions(weights, this.labels.length);
  }

  static train(entities: string[], data: Sequence[], opts: { epochs: number; seed: number }): SlotTagger {
    const labels = bioLabels(entities);
    const weights = trainPerceptron(data, labels.length, transitionMask(labels), opts);
    return new SlotTagger(entities, weights);
  }

  tag(feats: Uint32Array[]): TokenRange[] {
    if (this.entities.length === 0) return [];
    const path = decode(this.weights, this.labels.length, this.mask, feats, this.trans);
    return decodeLabels(path, this.labels);
  }

  get featureRows(): number {
    return this.weights.rows;
  }

  toJSON(): SlotTaggerJSON {
    return { entities: this.entities, weights: this.weights.toJSON() };
  }

  static fromJSON(json: SlotTaggerJSON): SlotTagger {
    return new SlotTagger(json.entities, WeightTable.fromJSON(json.weights));
  }
}
