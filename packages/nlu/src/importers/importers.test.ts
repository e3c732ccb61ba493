// Each importer against a committed fixture.
import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures/load.js';
import { parseAnnotated } from './annotated.js';
import { detectFormat, importBotYaml, importJsonl, importRasa, importSnips } from './index.js';

describe('inline annotations', () => {
  it('parses (entity), (entity:value) and JSON forms with offsets', () => {
    const u = parseAnnotated(
      'from [NYC](city:New York) to [LA]{"entity": "city", "value": "Los Angeles"} in [May](month)',
    );
    expect(u.text).toBe('from NYC to LA in May');
    expect(u.slots).toEqual([
      { entity: 'city', value: 'NYC', start: 5, end: 8 },
      { entity: 'city', value: 'LA', start: 12, end: 14 },
      { entity: 'month', value: 'May', start: 18, end: 21 },
    ]);
    expect(u.synonyms).toEqual([
      { entity: 'city', text: 'NYC', value: 'New York' },
      { entity: 'city', text: 'LA', value: 'Los Angeles' },
    ]);
  });
});

describe('importers', () => {
  it('reads the Concierge bot YAML', () => {
    const d = importBotYaml(fixture('concierge-bot.yaml'));
    expect(d.outOfScopeIntent).toBe('out_of_scope');
    const first = d.examples[0]!;
    expect(first).toEqual({
      text: 'book a table in Chelsea for 4',
      intent: 'book_table',
      slots: [{ entity: 'area', value: 'Chelsea', start: 16, end: 23 }],
    });
    expect(d.gazetteers?.cuisine).toContainEqual({ value: 'vegetarian', synonyms: ['veggie', 'veg'] });
    expect(d.gazetteers?.product).toContainEqual({ value: 'running shoes' });
  });

  it('reads Rasa NLU YAML with synonyms and lookup tables', () => {
    const d = importRasa(fixture('rasa-nlu.yml'));
    expect(d.examples.map((e) => e.intent)).toEqual([
      'greet',
      'greet',
      'order_food',
      'order_food',
      'order_food',
    ]);
    expect(d.examples[3]).toEqual({
      text: 'order a small pepperoni to Soho',
      intent: 'order_food',
      slots: [
        { entity: 'size', value: 'small', start: 8, end: 13 },
        { entity: 'pizza', value: 'pepperoni', start: 14, end: 23 },
        { entity: 'area', value: 'Soho', start: 27, end: 31 },
      ],
    });
    expect(d.gazetteers?.size).toContainEqual({ value: 'L', synonyms: ['large', 'big'] });
    expect(d.gazetteers?.size).toContainEqual({ value: 'S', synonyms: ['small'] });
    expect(d.gazetteers?.pizza).toContainEqual({ value: 'quattro formaggi' });
    expect(d.gazetteers?.pizza).toContainEqual({ value: 'hawaii', synonyms: ['hawaiian'] });
  });

  it('reads the SNIPS benchmark JSON', () => {
    const d = importSnips(fixture('snips-benchmark.json'));
    expect(d.examples[0]).toEqual({
      text: 'will it rain in Paris tomorrow',
      intent: 'GetWeather',
      slots: [
        { entity: 'city', value: 'Paris', start: 16, end: 21 },
        { entity: 'timeRange', value: 'tomorrow', start: 22, end: 30 },
      ],
    });
    expect(d.examples).toHaveLength(3);
  });

  it('reads JSONL rows and drops extra slot fields', () => {
    const line = JSON.stringify({
      text: 'play Miles Davis',
      intent: 'PlayMusic',
      slots: [{ entity: 'artist', value: 'Miles Davis', start: 5, end: 16, tokStart: 1, tokStop: 2 }],
    });
    expect(importJsonl(`${line}\n\n`).examples).toEqual([
      {
        text: 'play Miles Davis',
        intent: 'PlayMusic',
        slots: [{ entity: 'artist', value: 'Miles Davis', start: 5, end: 16 }],
      },
    ]);
  });

  it('detects formats', () => {
    expect(detectFormat('a.jsonl', '')).toBe('jsonl');
    expect(detectFormat('a.json', '{}')).toBe('snips');
    expect(detectFormat('nlu.yml', fixture('rasa-nlu.yml'))).toBe('rasa');
    expect(detectFormat('bot.yaml', fixture('concierge-bot.yaml'))).toBe('bot');
  });
});
