// Intent classifier: logistic regression over sentence features, with softmax confidences.
import type { SparseVector } from '../features/intent-features.js';
import { WeightTable, type WeightTableJSON } from '../features/weights.js';
import type { IntentScore } from '../types.js';
import { type LogRegOptions, predictProba, trainLogReg } from './logreg.js';

export interface IntentClassifierJSON {
  intents: string[];
  weights: WeightTableJSON;
}

export class IntentClassifier {
  constructor(
    readonly intents: string[],
    private readonly weights: WeightTable,
  ) {}

  static train(xs: SparseVector[], labels: string[], opts: LogRegOptions): IntentClassifier {
    const intents = [...new Set(labels)].sort();
    const ys = labels.map((l) => intents.indexOf(l));
    return new IntentClassifier(intents, trainLogReg(xs, ys, intents.length, opts));
  }

  /** All intents, most likely first. */
  rank(x: SparseVector): IntentScore[] {
    const p = predictProba(this.weights, x);
    return this.intents
      .map((name, k) => ({ name, confidence: p[k]! }))
      .sort((a, b) => b.confidence - a.confidence || a.name.localeCompare(b.name));
  }

  toJSON(): IntentClassifierJSON {
    return { intents: this.intents, weights: this.weights.toJSON() };
  }

  static fromJSON(json: IntentClassifierJSON): IntentClassifier {
    return new IntentClassifier(json.intents, WeightTable.fromJSON(json.weights));
  }
}
