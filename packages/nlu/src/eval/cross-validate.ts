// Stratified k-fold cross-validation: every example is scored once by a model that never saw it.
import type { TrainOptions } from '../model/options.js';
import { train } from '../model/train.js';
import type { Dataset, Example } from '../types.js';
import { createRng, shuffle } from '../util/rng.js';
import type { EvaluationReport } from './evaluate.js';
import { type Prediction, score } from './metrics.js';
import { percentile, predictAll } from './predict.js';

export interface CrossValidationReport extends EvaluationReport {
  folds: number;
  /** Mean training wall time per fold. */
  trainSeconds: number;
  /** Mean training CPU time per fold. */
  trainCpuSeconds: number;
}

/** Fold index per example: each intent's examples are dealt round-robin after a seeded shuffle. */
export function foldsOf(examples: Example[], k: number, seed: number): number[] {
  const rng = createRng(seed);
  const fold = new Array<number>(examples.length).fill(0);
  const byIntent = new Map<string, number[]>();
  examples.forEach((ex, i) => {
    byIntent.set(ex.intent, [...(byIntent.get(ex.intent) ?? []), i]);
  });
  let next = 0;
  for (const intent of [...byIntent.keys()].sort()) {
    for (const i of shuffle(byIntent.get(intent)!, rng)) fold[i] = next++ % k;
  }
  return fold;
}

/**
 * Trains k models and scores every example with the model that did not see it.
 * @example
 * crossValidate(dataset, 5, { seed: 1 }).intentSlotF1;
 */
export function crossValidate(
  dataset: Dataset,
  k: number,
  options: TrainOptions & { seed: number },
): CrossValidationReport {
  const fold = foldsOf(dataset.examples, k, options.seed);
  const preds: Prediction[] = [];
  const times: number[] = [];
  let trainMs = 0;
  let cpuMicros = 0;
  let modelBytes = 0;
  for (let f = 0; f < k; f++) {
    options.onProgress?.(`fold ${f + 1}/${k}`);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const model = train({ ...dataset, examples: dataset.examples.filter((_, i) => fold[i] !== f) }, options);
    trainMs += performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    cpuMicros += cpu.user + cpu.system;
    modelBytes = Math.max(modelBytes, Buffer.byteLength(JSON.stringify(model.toJSON())));
    const out = predictAll(
      model,
      dataset.examples.filter((_, i) => fold[i] === f),
    );
    preds.push(...out.preds);
    times.push(...out.times);
  }
  return {
    ...score(preds),
    folds: k,
    examples: preds.length,
    trainSeconds: trainMs / k / 1000,
    trainCpuSeconds: cpuMicros / k / 1e6,
    latencyP50Ms: percentile(times, 0.5),
    latencyP99Ms: percentile(times, 0.99),
    modelBytes,
    heapMB: process.memoryUsage().heapUsed / 2 ** 20,
  };
}
