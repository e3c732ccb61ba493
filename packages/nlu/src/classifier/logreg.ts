// Multinomial logistic regression trained with averaged SGD over sparse hashed features.
import type { SparseVector } from '../features/intent-features.js';
import { WeightTable } from '../features/weights.js';
import { createRng, shuffle } from '../util/rng.js';

export interface LogRegOptions {
  epochs: number;
  learningRate: number;
  seed: number;
  /** Scale each feature, per class, by its naive-Bayes log-count ratio (see `naiveBayesScales`). */
  naiveBayesScaling?: boolean;
}

/** Add-one smoothing of the per-class feature totals behind the log-count ratios. */
const NB_ALPHA = 1;
/** Largest scale a feature gets: a handful of training sentences make some ratios extreme. */
const NB_SCALE_CAP = 2;

/**
 * NBSVM-style scales (Wang & Manning 2012), one per feature row and class: 1 + |r| capped at
 * `NB_SCALE_CAP`, where r = log((p_k / |p_k|) / (q_k / |q_k|)) compares the feature's share of class k's
 * feature mass (p) with its share of the other classes' (q). A word that marks or rules out one intent
 * ("export", "shutdown") then moves that intent's score more per update than a word every intent shares,
 * and the trained weights carry the scale, so a model scores exactly as before.
 */
export function naiveBayesScales(
  rows: Int32Array[],
  values: Float32Array[],
  ys: number[],
  classes: number,
  features: number,
): Float64Array {
  const mass = new Float64Array(features * classes);
  const total = new Float64Array(features);
  for (let n = 0; n < rows.length; n++) {
    const r = rows[n]!;
    for (let i = 0; i < r.length; i++) {
      mass[r[i]! + ys[n]!]! += values[n]![i]!;
      total[r[i]! / classes]! += values[n]![i]!;
    }
  }
  const classMass = new Float64Array(classes);
  let allMass = 0;
  for (let f = 0; f < features; f++) {
    allMass += total[f]! + NB_ALPHA * classes;
    for (let k = 0; k < classes; k++) classMass[k]! += mass[f * classes + k]! + NB_ALPHA;
  }
  const scales = new Float64Array(features * classes);
  for (let f = 0; f < features; f++) {
    for (let k = 0; k < classes; k++) {
      const p = (mass[f * classes + k]! + NB_ALPHA) / classMass[k]!;
      const rest = total[f]! - mass[f * classes + k]! + NB_ALPHA * (classes - 1);
      const q = rest / (allMass - classMass[k]!);
      scales[f * classes + k] = Math.min(1 + Math.abs(Math.log(p / q)), NB_SCALE_CAP);
    }
  }
  return scales;
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
  const scale = opts.naiveBayesScaling
    ? naiveBayesScales(
        rows,
        xs.map((x) => x.values),
        ys,
        classes,
        rowOf.size,
      )
    : undefined;
  const w = new Float64Array(rowOf.size * classes);
  // Averaged SGD: avg = w - acc / step, accumulated lazily with the step counter. The model's weight is
  // w * scale: the scale is a fixed per-(feature, class) factor of the input, folded in when freezing.
  // Without scaling the loops skip the factor (SNIPS full, where it would cost a third of this training).
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
      for (let i = 0; i < r.length; i++) {
        const base = r[i]!;
        const v = x.values[i]!;
        if (scale) for (let k = 0; k < classes; k++) p[k]! += w[base + k]! * scale[base + k]! * v;
        else for (let k = 0; k < classes; k++) p[k]! += w[base + k]! * v;
      }
      softmaxInPlace(p);
      for (let k = 0; k < classes; k++) {
        const g = -lr * (p[k]! - (ys[idx] === k ? 1 : 0));
        if (Math.abs(g) < 1e-6) continue;
        for (let i = 0; i < r.length; i++) {
          const d = scale ? g * scale[r[i]! + k]! * x.values[i]! : g * x.values[i]!;
          w[r[i]! + k]! += d;
          acc[r[i]! + k]! += step * d;
        }
      }
      step++;
    }
  }
  const keys = Uint32Array.from(rowOf.keys());
  const data = new Float32Array(w.length);
  for (let i = 0; i < w.length; i++) data[i] = (w[i]! - acc[i]! / step) * (scale ? scale[i]! : 1);
  return new WeightTable(classes, keys, data);
}
