// Metrics on a hand-computed example, and the stratified split.
import { describe, expect, it } from 'vitest';
import type { SlotSpan } from '../types.js';
import { score } from './metrics.js';
import { stratifiedSplit } from './split.js';

const s = (entity: string, start: number, end: number): SlotSpan => ({ entity, value: '', start, end });

describe('score', () => {
  it('matches a hand-computed example', () => {
    const r = score([
      // Right intent; one of two gold spans found, plus one wrong label.
      {
        goldIntent: 'a',
        predIntent: 'a',
        goldSlots: [s('x', 0, 3), s('y', 4, 6)],
        predSlots: [s('x', 0, 3), s('z', 4, 6)],
      },
      // Wrong intent; the span has the wrong boundary.
      { goldIntent: 'a', predIntent: 'b', goldSlots: [s('x', 0, 3)], predSlots: [s('x', 0, 4)] },
      // Right intent, no slots.
      { goldIntent: 'b', predIntent: 'b', goldSlots: [], predSlots: [] },
    ]);
    expect(r.intentAccuracy).toBeCloseTo(2 / 3);
    // a: P 1/1, R 1/2 → F1 2/3; b: P 1/2, R 1/1 → F1 2/3.
    expect(r.intentMacroF1).toBeCloseTo(2 / 3);
    expect(r.slotPrecision).toBeCloseTo(1 / 3);
    expect(r.slotRecall).toBeCloseTo(1 / 3);
    expect(r.slotF1).toBeCloseTo(1 / 3);
    // Pooled: TP = 2 intents + 1 span = 3; predictions = 3 + 3; gold = 3 + 3 → P = R = F1 = 0.5.
    expect(r.intentSlotF1).toBeCloseTo(0.5);
    expect(r.confusion).toEqual({ a: { a: 1, b: 1 }, b: { b: 1 } });
  });
});

describe('stratifiedSplit', () => {
  it('keeps every intent in both parts and is deterministic', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      text: `t${i}`,
      intent: i % 3 ? 'a' : 'b',
      slots: [],
    }));
    const one = stratifiedSplit(rows, 0.2, 7);
    expect(one.dev.filter((r) => r.intent === 'a')).toHaveLength(4);
    expect(one.dev.filter((r) => r.intent === 'b')).toHaveLength(2);
    expect(one.train).toHaveLength(24);
    expect(stratifiedSplit(rows, 0.2, 7)).toEqual(one);
  });
});
