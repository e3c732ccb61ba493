// Scoring: intent accuracy and macro-F1, exact-span slot P/R/F1, and the Braun intent+slot F1.
import type { SlotSpan } from '../types.js';

export interface Prediction {
  goldIntent: string;
  predIntent: string;
  goldSlots: SlotSpan[];
  predSlots: SlotSpan[];
}

export interface Scores {
  intentAccuracy: number;
  intentMacroF1: number;
  slotPrecision: number;
  slotRecall: number;
  slotF1: number;
  /**
   * Braun et al. (2017) convention: intents and entity spans pooled into one micro F1. A correct intent
   * is a true positive; a wrong one is a false positive and a false negative; a predicted span counts
   * as true positive only with the exact entity label and character range.
   */
  intentSlotF1: number;
  /** confusion[gold][predicted] = count. */
  confusion: Record<string, Record<string, number>>;
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const key = (s: SlotSpan) => `${s.entity}\u0001${s.start}\u0001${s.end}`;

/**
 * Scores predictions against gold labels.
 * @example
 * score([{ goldIntent: 'a', predIntent: 'a', goldSlots: [], predSlots: [] }]).intentAccuracy; // 1
 */
export function score(preds: Prediction[]): Scores {
  const confusion: Record<string, Record<string, number>> = {};
  let correct = 0;
  let tp = 0;
  let nPred = 0;
  let nGold = 0;
  for (const p of preds) {
    const row = confusion[p.goldIntent] ?? {};
    confusion[p.goldIntent] = row;
    row[p.predIntent] = (row[p.predIntent] ?? 0) + 1;
    if (p.goldIntent === p.predIntent) correct++;
    const gold = new Set(p.goldSlots.map(key));
    tp += p.predSlots.filter((s) => gold.has(key(s))).length;
    nPred += p.predSlots.length;
    nGold += p.goldSlots.length;
  }
  const labels = new Set(preds.flatMap((p) => [p.goldIntent, p.predIntent]));
  let macro = 0;
  for (const label of labels) {
    const ltp = confusion[label]?.[label] ?? 0;
    const predicted = Object.values(confusion).reduce((sum, r) => sum + (r[label] ?? 0), 0);
    const actual = Object.values(confusion[label] ?? {}).reduce((a, b) => a + b, 0);
    macro += f1(ratio(ltp, predicted), ratio(ltp, actual));
  }
  const slotPrecision = ratio(tp, nPred);
  const slotRecall = ratio(tp, nGold);
  const n = preds.length;
  const jointP = ratio(correct + tp, n + nPred);
  const jointR = ratio(correct + tp, n + nGold);
  return {
    intentAccuracy: ratio(correct, n),
    intentMacroF1: ratio(macro, labels.size),
    slotPrecision,
    slotRecall,
    slotF1: f1(slotPrecision, slotRecall),
    intentSlotF1: f1(jointP, jointR),
    confusion,
  };
}
