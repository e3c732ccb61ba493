// Runs a model over test rows and reports accuracy, latency, size and memory.
import type { NluModel } from '../model/model.js';
import type { Example } from '../types.js';
import { type Scores, score } from './metrics.js';
import { percentile, predictAll } from './predict.js';

export interface EvaluationReport extends Scores {
  examples: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Size of the serialized model JSON. */
  modelBytes: number;
  /** V8 heap in use after evaluation (the whole process, so an upper bound for the model). */
  heapMB: number;
}

/**
 * Scores `model` on labelled rows.
 * @example
 * const report = evaluate(model, importJsonl(readFileSync('test.jsonl', 'utf8')).examples);
 * report.slotF1; // 0.95
 */
export function evaluate(model: NluModel, rows: Example[]): EvaluationReport {
  const { preds, times } = predictAll(model, rows);
  return {
    ...score(preds),
    examples: rows.length,
    latencyP50Ms: percentile(times, 0.5),
    latencyP99Ms: percentile(times, 0.99),
    modelBytes: Buffer.byteLength(JSON.stringify(model.toJSON())),
    heapMB: process.memoryUsage().heapUsed / 2 ** 20,
  };
}
