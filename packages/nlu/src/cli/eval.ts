// `concierge nlu eval`: train on a file, score on a test file or a stratified dev split.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type CrossValidationReport, crossValidate } from '../eval/cross-validate.js';
import { type EvaluationReport, evaluate } from '../eval/evaluate.js';
import { stratifiedSplit } from '../eval/split.js';
import { detectFormat, importDataset } from '../importers/index.js';
import { NluModel } from '../model/model.js';
import { train } from '../model/train.js';
import type { Dataset } from '../types.js';

export interface EvalResult extends EvaluationReport {
  train: string;
  test: string;
  /** Examples per trained model (per fold under cross-validation). */
  trainExamples: number;
  /** Training wall time (mean per fold under cross-validation). */
  trainSeconds: number;
  /** Training CPU time of this process; unlike wall time it barely moves when the machine is busy. */
  trainCpuSeconds: number;
  /** Heap growth from loading the serialized model (trained on the whole file) into a fresh NluModel. */
  modelHeapMB: number;
  /** With `--seeds`: one cross-validation per seed; the top-level scores are their means. */
  perSeed?: SeedResult[];
}

export interface SeedResult {
  seed: number;
  intentAccuracy: number;
  slotF1: number;
  intentSlotF1: number;
}

const USAGE =
  'usage: nlu eval --train FILE [--test FILE | --dev-split 0.2 | --folds 5 [--seeds 1,2,3]] [--seed 1] [--json]';

const load = (file: string): Dataset => {
  const source = readFileSync(file, 'utf8');
  return importDataset(source, detectFormat(file, source));
};

const cpuSecondsSince = (start: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1e6;
};

// Heap figures need a full collection; expose V8's gc even when node was started without --expose-gc.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapAfterLoading(json: string): number {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const model = NluModel.fromJSON(JSON.parse(json));
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  model.parse('warm up');
  return (after - before) / 2 ** 20;
}

const NUMERIC_KEYS = [
  'intentAccuracy',
  'intentMacroF1',
  'slotPrecision',
  'slotRecall',
  'slotF1',
  'intentSlotF1',
  'latencyP50Ms',
  'latencyP99Ms',
  'modelBytes',
  'heapMB',
  'trainSeconds',
  'trainCpuSeconds',
] as const;

/** Mean of several cross-validation runs (one per seed); confusion counts are summed. */
function meanOf(runs: CrossValidationReport[]): CrossValidationReport {
  const out: CrossValidationReport = { ...runs[0]!, confusion: {} };
  for (const key of NUMERIC_KEYS) out[key] = runs.reduce((sum, r) => sum + r[key], 0) / runs.length;
  for (const r of runs) {
    for (const [gold, row] of Object.entries(r.confusion)) {
      const target = out.confusion[gold] ?? {};
      out.confusion[gold] = target;
      for (const [pred, n] of Object.entries(row)) target[pred] = (target[pred] ?? 0) + n;
    }
  }
  return out;
}

function printReport(r: EvalResult, print: (line: string) => void): void {
  const pct = (x: number) => (100 * x).toFixed(2);
  for (const s of r.perSeed ?? []) {
    print(
      `seed ${s.seed}: intent accuracy ${pct(s.intentAccuracy)}  slot F1 ${pct(s.slotF1)}  intent+slot F1 ${pct(s.intentSlotF1)}`,
    );
  }
  print(
    `train ${r.train} (${r.trainExamples} examples, ${r.trainSeconds.toFixed(1)} s, ${r.trainCpuSeconds.toFixed(1)} s CPU) → test ${r.test} (${r.examples})`,
  );
  print(`intent accuracy ${pct(r.intentAccuracy)}  macro-F1 ${pct(r.intentMacroF1)}`);
  print(
    `slots P ${pct(r.slotPrecision)}  R ${pct(r.slotRecall)}  F1 ${pct(r.slotF1)}  intent+slot F1 ${pct(r.intentSlotF1)}`,
  );
  print(`latency p50 ${r.latencyP50Ms.toFixed(3)} ms  p99 ${r.latencyP99Ms.toFixed(3)} ms`);
  print(
    `model ${(r.modelBytes / 1024).toFixed(0)} KiB JSON, ${r.modelHeapMB.toFixed(1)} MB heap when loaded`,
  );
}

/**
 * Runs an evaluation from command-line arguments and returns the report.
 * @example
 * await runEval(['--train', 'snips_train_small.jsonl', '--dev-split', '0.2', '--json']);
 */
export async function runEval(
  argv: string[],
  print: (line: string) => void = console.log,
): Promise<EvalResult> {
  const { values } = parseArgs({
    args: argv,
    options: {
      train: { type: 'string' },
      test: { type: 'string' },
      'dev-split': { type: 'string', default: '0.2' },
      folds: { type: 'string' },
      seed: { type: 'string', default: '1' },
      seeds: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.train) throw new Error(USAGE);
  const seed = Number(values.seed);
  const full = load(values.train);
  const progress = values.json ? () => {} : (m: string) => print(`  … ${m}`);
  if (values.folds) {
    const k = Number(values.folds);
    const seeds = values.seeds ? values.seeds.split(',').map(Number) : [seed];
    const runs = seeds.map((s) => crossValidate(full, k, { seed: s, onProgress: progress }));
    const cv = seeds.length === 1 ? runs[0]! : meanOf(runs);
    const result: EvalResult = {
      ...cv,
      train: basename(values.train),
      test: `${k}-fold cross-validation (seed${seeds.length > 1 ? `s ${seeds.join(',')}, mean` : ` ${seed}`})`,
      trainExamples: Math.round((full.examples.length * (k - 1)) / k),
      modelHeapMB: heapAfterLoading(JSON.stringify(train(full, { seed }).toJSON())),
    };
    if (seeds.length > 1) {
      result.perSeed = runs.map((r, i) => ({
        seed: seeds[i]!,
        intentAccuracy: r.intentAccuracy,
        slotF1: r.slotF1,
        intentSlotF1: r.intentSlotF1,
      }));
    }
    if (values.json) print(JSON.stringify(result, null, 2));
    else printReport(result, print);
    return result;
  }
  let trainSet: Dataset = full;
  let testRows = full.examples;
  if (values.test) testRows = load(values.test).examples;
  else {
    const split = stratifiedSplit(full.examples, Number(values['dev-split']), seed);
    trainSet = { ...full, examples: split.train };
    testRows = split.dev;
  }
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const model = train(trainSet, { seed, onProgress: progress });
  const trainSeconds = (performance.now() - t0) / 1000;
  const trainCpuSeconds = cpuSecondsSince(cpu0);
  const json = JSON.stringify(model.toJSON());
  const loaded = NluModel.fromJSON(JSON.parse(json));
  // Collect training garbage first so it does not land in the parse latency percentiles.
  collectGarbage();
  const report = evaluate(loaded, testRows);
  const result: EvalResult = {
    ...report,
    train: basename(values.train),
    test: values.test ? basename(values.test) : `dev split ${values['dev-split']} (seed ${seed})`,
    trainExamples: trainSet.examples.length,
    trainSeconds,
    trainCpuSeconds,
    modelHeapMB: heapAfterLoading(json),
  };
  if (values.json) print(JSON.stringify(result, null, 2));
  else printReport(result, print);
  return result;
}

// Run as a script (`node --import tsx packages/nlu/src/cli/eval.ts …`). Inside the `concierge` bundle every
// module shares the bundle's URL, so `node dist/concierge.mjs nlu eval …` must not also run this.
const self = fileURLToPath(import.meta.url);
if (process.argv[1] === self && /^eval\.[cm]?[jt]s$/.test(basename(self))) {
  runEval(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
