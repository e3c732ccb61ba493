// Frozen sparse weight table: one dense row of per-label weights for each hashed feature.
import { decodeInt16, decodeUint32, encodeInt16, encodeUint32 } from '../util/codec.js';

export interface WeightTableJSON {
  width: number;
  keys: string;
  /** Weights as int16 multiples of `scale`. */
  scale: number;
  data: string;
}

/** Step of the int16 grid that weights are snapped to, so a model equals its serialized form. */
function gridStep(data: Float32Array): number {
  let max = 0;
  for (const v of data) max = Math.max(max, Math.abs(v));
  return Math.fround(max / 32767) || 1;
}

export class WeightTable {
  private readonly index = new Map<number, number>();
  private readonly scale: number;

  constructor(
    readonly width: number,
    private readonly keys: Uint32Array,
    private readonly data: Float32Array,
    scale?: number,
  ) {
    this.scale = scale ?? gridStep(data);
    for (let i = 0; i < data.length; i++) data[i] = Math.round(data[i]! / this.scale) * this.scale;
    for (let r = 0; r < keys.length; r++) this.index.set(keys[r]!, r * width);
  }

  /** Adds each feature's row to `out` starting at `offset`. */
  addScores(feats: ArrayLike<number>, out: Float64Array, offset = 0): void {
    const { width, data } = this;
    for (let i = 0; i < feats.length; i++) {
      const base = this.index.get(feats[i]!);
      if (base === undefined) continue;
      for (let k = 0; k < width; k++) out[offset + k]! += data[base + k]!;
    }
  }

  /** Adds one feature's row, times `scale`, to `out` starting at `offset`. */
  addRow(feat: number, out: Float64Array, offset: number, scale: number): void {
    const base = this.index.get(feat);
    if (base === undefined) return;
    for (let k = 0; k < this.width; k++) out[offset + k]! += this.data[base + k]! * scale;
  }

  toJSON(): WeightTableJSON {
    const q = Int16Array.from(this.data, (v) => Math.round(v / this.scale));
    return { width: this.width, keys: encodeUint32(this.keys), scale: this.scale, data: encodeInt16(q) };
  }

  static fromJSON(json: WeightTableJSON): WeightTable {
    const q = decodeInt16(json.data);
    const data = Float32Array.from(q, (v) => v * json.scale);
    return new WeightTable(json.width, decodeUint32(json.keys), data, json.scale);
  }
}
