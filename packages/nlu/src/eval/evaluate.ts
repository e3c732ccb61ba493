// Runs a model over test rows and reports accuracy, latency, size and memory.
import type { NluModel } from '../model/model.js';
import type { Example } from '../types.js';
import { type Scores, score } from './metrics.js';

export interface EvaluationReport extends Scores {
  examples: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Size of the serialized model JSON. */
  modelBytes: number;
  /** V8 heap in use after evaluation (the whole process, so an upper bound for the model). */
  heapMB: number;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * Scores `model` on labelled rows.
 * @example
 * const report = evaluate(model, importJsonl(readFileSync('test.jsonl', 'utf8')).examples);
 * report.slotF1; // 0.95
 */
export function evaluate(model: NluModel, rows: Example[]): EvaluationReport {
  const times: number[] = [];
  // A fixed reference keeps date-dependent predictions reproducible.
  const opts = { referenceDate: new Date('2024-01-01T12:00:00Z'), timeZone: 'UTC' };
  // Warm-up parses keep JIT compilation out of the latency percentiles.
  for (const row of rows.slice(0, 50)) model.parse(row.text, opts);
  const preds = rows.map((row) => {
    const t0 = performance.now();
    const r = model.parse(row.text, opts);
    times.push(performance.now() - t0);
    return {
      goldIntent: row.intent,
      predIntent: r.intent.name,
      goldSlots: row.slots,
      predSlots: r.entities.map(({ entity, value, start, end }) => ({ entity, value, start, end })),
    };
  });
  times.sort((a, b) => a - b);
  return {
    ...score(preds),
    examples: rows.length,
    latencyP50Ms: percentile(times, 0.5),
    latencyP99Ms: percentile(times, 0.99),
    modelBytes: Buffer.byteLength(JSON.stringify(model.toJSON())),
    heapMB: process.memoryUsage().heapUsed / 2 ** 20,
  };
}
