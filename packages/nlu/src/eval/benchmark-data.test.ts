// Integration checks on small slices of the shared benchmark corpora (skipped when they are absent).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runEval } from '../cli/eval.js';
import { importJsonl } from '../importers/jsonl.js';
import { train } from '../model/train.js';
import type { Example } from '../types.js';
import { evaluate } from './evaluate.js';
import { stratifiedSplit } from './split.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const dataDir = path.resolve(repoRoot, '..', 'shared', 'data', 'nlu');
const present = existsSync(path.join(dataDir, 'snips_train_small.jsonl'));
if (!present) console.warn(`skipping benchmark-data tests: ${dataDir} not found`);

const load = (name: string) => importJsonl(readFileSync(path.join(dataDir, name), 'utf8')).examples;

/** The first `n` examples of every intent, to keep the tests fast. */
function perIntent(rows: Example[], n: number): Example[] {
  const seen = new Map<string, number>();
  return rows.filter((r) => {
    const k = (seen.get(r.intent) ?? 0) + 1;
    seen.set(r.intent, k);
    return k <= n;
  });
}

describe.skipIf(!present)('benchmark corpora', () => {
  it('has offsets that slice to the slot values', () => {
    for (const name of ['snips_train_small.jsonl', 'braun_chatbot_train.jsonl', 'braun_webapp_train.jsonl']) {
      for (const ex of load(name))
        for (const s of ex.slots) expect(ex.text.slice(s.start, s.end)).toBe(s.value);
    }
  });

  it('learns SNIPS from 120 examples per intent, including slot values it never saw', () => {
    const { train: tr, dev } = stratifiedSplit(perIntent(load('snips_train_small.jsonl'), 150), 0.2, 1);
    const model = train({ examples: tr }, { seed: 1 });
    const report = evaluate(model, dev);
    expect(report.intentAccuracy).toBeGreaterThan(0.93);
    expect(report.slotF1).toBeGreaterThan(0.8);

    const known = new Set(tr.flatMap((e) => e.slots.map((s) => s.value.toLowerCase())));
    let unseen = 0;
    let found = 0;
    for (const ex of dev) {
      const predicted = model.parse(ex.text).entities;
      for (const s of ex.slots.filter((x) => !known.has(x.value.toLowerCase()))) {
        unseen++;
        if (predicted.some((p) => p.entity === s.entity && p.start === s.start && p.end === s.end)) found++;
      }
    }
    expect(unseen).toBeGreaterThan(50);
    expect(found / unseen).toBeGreaterThan(0.6);
  });

  it('runs the eval CLI on a Braun corpus with a dev split', async () => {
    const lines: string[] = [];
    const r = await runEval(['--train', path.join(dataDir, 'braun_chatbot_train.jsonl'), '--json'], (l) =>
      lines.push(l),
    );
    expect(r.trainExamples).toBe(80);
    expect(r.examples).toBe(20);
    expect(r.intentAccuracy).toBeGreaterThan(0.85);
    expect(JSON.parse(lines.join('\n')).slotF1).toBe(r.slotF1);
  });

  it('averages cross-validation over several seeds', async () => {
    const r = await runEval(
      ['--train', path.join(dataDir, 'braun_webapp_train.jsonl'), '--folds', '3', '--seeds', '1,2', '--json'],
      () => {},
    );
    expect(r.perSeed?.map((s) => s.seed)).toEqual([1, 2]);
    const mean = (r.perSeed![0]!.intentSlotF1 + r.perSeed![1]!.intentSlotF1) / 2;
    expect(r.intentSlotF1).toBeCloseTo(mean, 10);
    expect(r.examples).toBe(30);
  });
});
