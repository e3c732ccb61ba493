// Growable weights with lazy averaging (Daumé's trick) used while training; freezes to a WeightTable.
import { WeightTable } from './weights.js';

export class TrainableWeights {
  private readonly index = new Map<number, number>();
  private w: Float64Array;
  private acc: Float64Array;
  private used = 0;
  /** Update counter; averaged weight = w - acc / step. */
  step = 1;

  constructor(readonly width: number) {
    this.w = new Float64Array(width * 1024);
    this.acc = new Float64Array(width * 1024);
  }

  private row(feat: number): number {
    let base = this.index.get(feat);
    if (base === undefined) {
      base = this.used;
      this.used += this.width;
      if (this.used > this.w.length) {
        const grow = (a: Float64Array) => {
          const b = new Float64Array(a.length * 2);
          b.set(a);
          return b;
        };
        this.w = grow(this.w);
        this.acc = grow(this.acc);
      }
      this.index.set(feat, base);
    }
    return base;
  }

  addScores(feats: ArrayLike<number>, out: Float64Array, offset = 0): void {
    const { width, w } = this;
    for (let i = 0; i < feats.length; i++) {
      const base = this.index.get(feats[i]!);
      if (base === undefined) continue;
      for (let k = 0; k < width; k++) out[offset + k]! += w[base + k]!;
    }
  }

  update(feat: number, label: number, delta: number): void {
    const i = this.row(feat) + label;
    this.w[i]! += delta;
    this.acc[i]! += this.step * delta;
  }

  /** Averaged weights, dropping rows whose weights all round to zero. */
  freeze(average = true, epsilon = 1e-4): WeightTable {
    const keys: number[] = [];
    const rows: number[] = [];
    for (const [feat, base] of this.index) {
      let keep = false;
      for (let k = 0; k < this.width; k++) {
        const v = average ? this.w[base + k]! - this.acc[base + k]! / this.step : this.w[base + k]!;
        rows.push(v);
        if (Math.abs(v) > epsilon) keep = true;
      }
      if (keep) keys.push(feat);
      else rows.length -= this.width;
    }
    return new WeightTable(this.width, Uint32Array.from(keys), Float32Array.from(rows));
  }
}
