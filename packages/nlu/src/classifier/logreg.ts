// Multinomial logistic regression trained with averaged SGD over sparse hashed features.
import type { SparseVector } from '../features/intent-features.js';
import { TrainableWeights } from '../features/trainable-weights.js';
import type { WeightTable } from '../features/weights.js';
import { createRng, shuffle } from '../util/rng.js';

export interface LogRegOptions {
  epochs: number;
  learningRate: number;
  seed: number;
}

export interface SparseScorer {
  width: number;
  addRow(feat: number, out: Float64Array, offset: number, scale: number): void;
}

/** Class probabilities for one example. */
export function predictProba(w: SparseScorer, x: SparseVector): Float64Array {
  const scores = new Float64Array(w.width);
  for (let i = 0; i < x.ids.length; i++) w.addRow(x.ids[i]!, scores, 0, x.values[i]!);
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) max = Math.max(max, s);
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    scores[k] = Math.exp(scores[k]! - max);
    sum += scores[k]!;
  }
  for (let k = 0; k < scores.length; k++) scores[k]! /= sum;
  return scores;
}

export function trainLogReg(
  xs: SparseVector[],
  ys: number[],
  classes: number,
  opts: LogRegOptions,
): WeightTable {
  const w = new TrainableWeights(classes);
  const rng = createRng(opts.seed);
  const order = xs.map((_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const lr = opts.learningRate / (1 + epoch * 0.5);
    for (const idx of shuffle(order, rng)) {
      const x = xs[idx]!;
      const p = predictProba(w, x);
      for (let k = 0; k < classes; k++) {
        const g = p[k]! - (ys[idx] === k ? 1 : 0);
        if (Math.abs(g) < 1e-4) continue;
        for (let i = 0; i < x.ids.length; i++) w.update(x.ids[i]!, k, -lr * g * x.values[i]!);
      }
      w.step++;
    }
  }
  return w.freeze();
}
