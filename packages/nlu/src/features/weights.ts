// Frozen sparse weight table: one dense row of per-label weights for each hashed feature.
import { decodeFloat32, decodeUint32, encodeFloat32, encodeUint32 } from '../util/codec.js';

export interface WeightTableJSON {
  width: number;
  keys: string;
  data: string;
}

export class WeightTable {
  private readonly index = new Map<number, number>();

  constructor(
    readonly width: number,
    private readonly keys: Uint32Array,
    private readonly data: Float32Array,
  ) {
    for (let r = 0; r < keys.length; r++) this.index.set(keys[r]!, r * width);
  }

  /** Adds each feature's row, times `scale`, to `out` starting at `offset`. */
  addScores(feats: ArrayLike<number>, out: Float64Array, offset = 0, scale = 1): void {
    const { width, data } = this;
    for (let i = 0; i < feats.length; i++) {
      const base = this.index.get(feats[i]!);
      if (base === undefined) continue;
      for (let k = 0; k < width; k++) out[offset + k]! += data[base + k]! * scale;
    }
  }

  /** Adds one feature's row, times `scale`, to `out` starting at `offset`. */
  addRow(feat: number, out: Float64Array, offset: number, scale: number): void {
    const base = this.index.get(feat);
    if (base === undefined) return;
    for (let k = 0; k < this.width; k++) out[offset + k]! += this.data[base + k]! * scale;
  }

  has(feat: number): boolean {
    return this.index.has(feat);
  }

  get rows(): number {
    return this.keys.length;
  }

  toJSON(): WeightTableJSON {
    return { width: this.width, keys: encodeUint32(this.keys), data: encodeFloat32(this.data) };
  }

  static fromJSON(json: WeightTableJSON): WeightTable {
    return new WeightTable(json.width, decodeUint32(json.keys), decodeFloat32(json.data));
  }
}
