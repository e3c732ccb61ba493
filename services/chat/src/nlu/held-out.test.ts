// Intent accuracy on held-out utterances (never in the templates) must stay at 90% or better.
import { describe, expect, it } from 'vitest';
import { testModel } from '../testing/chat.fixture.js';
import { heldOut } from './held-out.data.js';
import { interpret } from './interpret.js';

const context = { now: new Date('2026-03-10T19:00:00Z'), timeZone: 'America/New_York' };

describe('the concierge model on held-out utterances', () => {
  it('classifies at least 90% of them right', () => {
    const sut = testModel();
    const misses: string[] = [];
    let total = 0;
    for (const [intent, utterances] of Object.entries(heldOut)) {
      for (const text of utterances) {
        total += 1;
        const u = interpret(sut, text, context);
        const predicted = u.outOfScope ? 'out_of_scope' : u.intent;
        if (predicted !== intent) misses.push(`${intent} ← "${text}" read as ${predicted}`);
      }
    }
    const accuracy = (total - misses.length) / total;
    console.log(
      `held-out intent accuracy ${(accuracy * 100).toFixed(1)}% (${total - misses.length}/${total})\n${misses.join('\n')}`,
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('finds slot values it never saw in training', () => {
    const u = interpret(testModel(), 'any good ethiopian food in crown heights', context);
    expect([u.intent, u.cuisine?.toLowerCase()]).toEqual(['dining_suggestions', 'ethiopian']);
  });
});
