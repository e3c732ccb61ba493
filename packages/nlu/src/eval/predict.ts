// Parses test rows with a model, timing each parse.
import type { NluModel } from '../model/model.js';
import type { Example } from '../types.js';
import type { Prediction } from './metrics.js';

// A fixed reference keeps date-dependent predictions reproducible.
const PARSE_OPTIONS = { referenceDate: new Date('2024-01-01T12:00:00Z'), timeZone: 'UTC' };

/**
 * Predictions plus one latency per row: the median of three timed parses, so that a single
 * preemption on a shared machine does not count as the parser's own cost.
 */
export function predictAll(model: NluModel, rows: Example[]): { preds: Prediction[]; times: number[] } {
  // Warm-up parses keep JIT compilation out of the latency percentiles.
  for (const row of rows.slice(0, 50)) model.parse(row.text, PARSE_OPTIONS);
  const times: number[] = [];
  const preds = rows.map((row) => {
    const runs: number[] = [];
    let r = model.parse(row.text, PARSE_OPTIONS);
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      r = model.parse(row.text, PARSE_OPTIONS);
      runs.push(performance.now() - t0);
    }
    times.push(runs.sort((a, b) => a - b)[1]!);
    return {
      goldIntent: row.intent,
      predIntent: r.intent.name,
      goldSlots: row.slots,
      predSlots: r.entities.map(({ entity, value, start, end }) => ({ entity, value, start, end })),
    };
  });
  return { preds, times };
}

export function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
