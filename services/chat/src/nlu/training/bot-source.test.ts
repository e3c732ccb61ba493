// The committed bot definition is exactly what the templates generate (regenerate with write-bot.ts).
import { importBotYaml } from '@concierge/nlu';
import { describe, expect, it } from 'vitest';
import { readBotDefinition } from '../bot-definition.js';
import { buildBotYaml } from './bot-source.js';

describe('the concierge bot definition', () => {
  it('matches its generator', () => {
    expect(readBotDefinition()).toBe(buildBotYaml());
  });

  it('has hundreds of distinct examples for every intent', () => {
    const sut = importBotYaml(readBotDefinition());
    const counts = new Map<string, Set<string>>();
    for (const e of sut.examples) counts.set(e.intent, (counts.get(e.intent) ?? new Set()).add(e.text));
    expect(counts.size).toBe(12);
    for (const [, texts] of counts) expect(texts.size).toBeGreaterThanOrEqual(200);
  });
});
