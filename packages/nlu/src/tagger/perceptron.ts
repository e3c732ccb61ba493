// Structured averaged perceptron: learns emission and transition weights from Viterbi mistakes.
import { TrainableWeights } from '../features/trainable-weights.js';
import type { WeightTable } from '../features/weights.js';
import { hash32 } from '../util/hash.js';
import { createRng, shuffle } from '../util/rng.js';
import { viterbi } from './viterbi.js';

export interface Sequence {
  feats: Uint32Array[];
  gold: Int32Array;
  /** Labels the path may use; all when absent. */
  allowed?: Int32Array;
}

export interface PerceptronOptions {
  epochs: number;
  seed: number;
  /** Share of each token's features (all but the bias) hidden at random in each pass. Default 0. */
  dropout?: number;
}

/** A copy of `feats` without a random share `p` of each row's features; the bias (index 0) stays. */
function dropFeatures(feats: Uint32Array[], p: number, rng: () => number): Uint32Array[] {
  return feats.map((row) => {
    const kept = new Uint32Array(row.length);
    let n = 0;
    for (let j = 0; j < row.length; j++) if (j === 0 || rng() >= p) kept[n++] = row[j]!;
    return kept.subarray(0, n);
  });
}

export interface Scorer {
  addScores(feats: ArrayLike<number>, out: Float64Array, offset?: number): void;
}

/** Feature id whose weight row holds the transition scores out of label `prev` (L = start). */
export const transitionFeature = (prev: number): number => hash32(`tr=${prev}`);

export function transitions(w: Scorer, L: number): Float64Array {
  const t = new Float64Array((L + 1) * L);
  for (let p = 0; p <= L; p++) w.addScores([transitionFeature(p)], t, p * L);
  return t;
}

export const allLabels = (L: number): Int32Array => Int32Array.from({ length: L }, (_, i) => i);

export function decode(
  w: Scorer,
  L: number,
  mask: Uint8Array,
  feats: Uint32Array[],
  trans: Float64Array,
  allowed: Int32Array,
): Int32Array {
  const n = feats.length;
  const emit = new Float64Array(n * L);
  for (let i = 0; i < n; i++) w.addScores(feats[i]!, emit, i * L);
  return viterbi(n, L, emit, trans, mask, allowed);
}

export function trainPerceptron(
  data: Sequence[],
  L: number,
  mask: Uint8Array,
  opts: PerceptronOptions,
): WeightTable {
  const dropout = opts.dropout ?? 0;
  const w = new TrainableWeights(L);
  const rng = createRng(opts.seed);
  const order = data.map((_, i) => i);
  const all = allLabels(L);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const trans = transitions(w, L);
    for (const idx of shuffle(order, rng)) {
      const { gold, allowed } = data[idx]!;
      // With dropout, updates touch only the features this pass kept, like the decode that made them.
      const feats = dropout > 0 ? dropFeatures(data[idx]!.feats, dropout, rng) : data[idx]!.feats;
      const pred = decode(w, L, mask, feats, trans, allowed ?? all);
      for (let i = 0; i < gold.length; i++) {
        const g = gold[i]!;
        const p = pred[i]!;
        const gp = i === 0 ? L : gold[i - 1]!;
        const pp = i === 0 ? L : pred[i - 1]!;
        if (g !== p) {
          for (const f of feats[i]!) {
            w.update(f, g, 1);
            w.update(f, p, -1);
          }
        }
        if (g !== p || gp !== pp) {
          w.update(transitionFeature(gp), g, 1);
          w.update(transitionFeature(pp), p, -1);
          trans[gp * L + g]! += 1;
          trans[pp * L + p]! -= 1;
        }
      }
      w.step++;
    }
  }
  return w.freeze();
}
