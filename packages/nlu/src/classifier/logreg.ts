// Multinomial logistic regression trained with averaged SGD over sparse hashed features.
import type { SparseVector } from '../features/intent-features.js';
import { WeightTable } from '../features/weights.js';
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

function softmaxInPlace(scores: Float64Array): Float64Array {
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

/** Class probabilities for one example. */
export function predictProba(w: SparseScorer, x: SparseVector): Float64Array {
  const scores = new Float64Array(w.width);
  for (let i = 0; i < x.ids.length; i++) w.addRow(x.ids[i]!, scores, 0, x.values[i]!);
  return softmaxInPlace(scores);
}

/** Training works on dense row indices (hash lookups once up front), then freezes to a WeightTable. */
export function trainLogReg(
  xs: SparseVector[],
  ys: number[],
  classes: number,
  opts: LogRegOptions,
): WeightTable {
  const rowOf = new Map<number, number>();
  const rows = xs.map((x) =>
    Int32Array.from(x.ids, (id) => {
      let r = rowOf.get(id);
      if (r === undefined) {
        r = rowOf.size;
        rowOf.set(id, r);
      }
      return r * classes;
    }),
  );
  const w = new Float64Array(rowOf.size * classes);
  // Averaged SGD: avg = w - acc / step, accumulated lazily with the step counter.
  const acc = new Float64Array(w.length);
  const p = new Float64Array(classes);
  const rng = createRng(opts.seed);
  const order = xs.map((_, i) => i);
  let step = 1;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const lr = opts.learningRate / (1 + epoch * 0.5);
    for (const idx of shuffle(order, rng)) {
      const x = xs[idx]!;
      const r = rows[idx]!;
      p.fill(0);
      for (let i = 0; i < r.length; i++)
        for (let k = 0; k < classes; k++) p[k]! += w[r[i]! + k]! * x.values[i]!;
      softmaxInPlace(p);
      for (let k = 0; k < classes; k++) {
        const g = -lr * (p[k]! - (ys[idx] === k ? 1 : 0));
        if (Math.abs(g) < 1e-6) continue;
        for (let i = 0; i < r.length; i++) {
          const d = g * x.values[i]!;
          w[r[i]! + k]! += d;
          acc[r[i]! + k]! += step * d;
        }
      }
      step++;
    }
  }
  const keys = Uint32Array.from(rowOf.keys());
  const data = new Float32Array(w.length);
  for (let i = 0; i < w.length; i++) data[i] = w[i]! - acc[i]! / step;
  return new WeightTable(classes, keys, data);
}
