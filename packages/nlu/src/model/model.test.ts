// Training, parsing, out-of-scope, JSON round-trip and determinism on the committed bot fixture.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../fixtures/load.js';
import { importBotYaml } from '../importers/bot-yaml.js';
import type { Dataset } from '../types.js';
import { NluModel } from './model.js';
import { train } from './train.js';

const opts = { referenceDate: new Date('2024-03-09T15:00:00Z'), timeZone: 'Europe/London' };
let bot: Dataset;
let model: NluModel;

beforeAll(() => {
  bot = importBotYaml(fixture('concierge-bot.yaml'));
  model = train(bot, { seed: 3 });
});

const slots = (text: string) => model.parse(text, opts).entities.map((e) => [e.entity, e.value]);

describe('trained model', () => {
  it('classifies unseen phrasings', () => {
    expect(model.parse('could you reserve me a table in Soho tomorrow', opts).intent.name).toBe('book_table');
    expect(model.parse('any thai food around Camden?', opts).intent.name).toBe('find_restaurant');
    expect(model.parse('I need hiking boots under $90', opts).intent.name).toBe('search_product');
  });

  it('tags slot values never seen in training or gazetteers', () => {
    expect(slots('book a table in Wimbledon for 2')).toEqual([['area', 'Wimbledon']]);
    expect(slots('find a nepalese place in Soho')).toEqual([
      ['cuisine', 'nepalese'],
      ['area', 'Soho'],
    ]);
  });

  it('resolves synonyms and attaches builtins', () => {
    const r = model.parse('any veg restaurants in Soho', opts);
    expect(r.entities.find((e) => e.entity === 'cuisine')).toMatchObject({
      value: 'veg',
      resolved: 'vegetarian',
    });
    const booking = model.parse('book a table in Soho for 6 of us tomorrow', opts);
    expect(booking.builtins.map((b) => [b.kind, b.value])).toEqual([
      ['party_size', 6],
      ['datetime', { start: '2024-03-10', allDay: true }],
    ]);
  });

  it('uses gazetteers passed at training time, e.g. catalog product names', () => {
    const withCatalog = train(bot, {
      seed: 3,
      gazetteers: { product: [{ value: 'trail running shoes', synonyms: ['trail shoes'] }] },
    });
    const r = withCatalog.parse('do you have trail shoes', opts);
    expect(r.intent.name).toBe('search_product');
    expect(r.entities).toEqual([
      { entity: 'product', value: 'trail shoes', start: 12, end: 23, resolved: 'trail running shoes' },
    ]);
  });

  it('returns ranked intents with probabilities', () => {
    const r = model.parse('hello there', opts);
    expect(r.intent.name).toBe('greet');
    expect(r.intents[0]).toEqual(r.intent);
    const total = r.intents.reduce((sum, i) => sum + i.confidence, 0);
    expect(total).toBeCloseTo(1, 5);
  });

  it('detects out-of-scope utterances by intent and by low confidence', () => {
    expect(model.parse('who is the best football player ever', opts).outOfScope).toBe(true);
    expect(model.parse('book a table in Soho', opts).outOfScope).toBe(false);
    const noOos = train({ examples: bot.examples.filter((e) => e.intent !== 'out_of_scope') }, { seed: 3 });
    const r = noOos.parse('zxq vlorp gnarf', opts);
    expect(r.outOfScope).toBe(true);
    expect(r.intent.confidence).toBeLessThan(0.4);
  });

  it('round-trips through JSON with identical parses', () => {
    const copy = NluModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    for (const text of ['book a table in Wimbledon for 2', 'veg places in Fulham', 'tell me a joke', 'hi']) {
      expect(copy.parse(text, opts)).toEqual(model.parse(text, opts));
    }
    expect(() => NluModel.fromJSON({ ...model.toJSON(), version: 3 as 4 })).toThrow(/version 3.*retrain/);
    expect(() => NluModel.fromJSON({ ...model.toJSON(), format: 'other' as 'concierge-nlu' })).toThrow(
      /not a concierge-nlu model/,
    );
  });

  it('is deterministic for a given seed', () => {
    expect(JSON.stringify(train(bot, { seed: 3 }).toJSON())).toBe(JSON.stringify(model.toJSON()));
  });
});

describe('parse of short texts said again', () => {
  const texts = [
    'tomorrow at 7',
    'Tomorrow',
    '8pm',
    'for 2',
    'yes',
    'a table in Soho tomorrow',
    'next friday at 9',
  ];
  const days = ['2024-03-09T15:00:00Z', '2024-03-10T23:30:00Z', '2024-07-01T06:00:00Z'];

  it('gives what a model that never saw the text gives, whatever the day and time zone', () => {
    for (const day of days) {
      for (const timeZone of ['Europe/London', 'America/New_York']) {
        const at = { referenceDate: new Date(day), timeZone };
        for (const text of texts) {
          const fresh = NluModel.fromJSON(model.toJSON()).parse(text, at);
          expect(model.parse(text, at)).toEqual(fresh);
          expect(model.parse(text, at)).toEqual(fresh);
        }
      }
    }
  });

  it('resolves relative dates against each parse its own reference date', () => {
    const a = model.parse('tomorrow at 7', {
      referenceDate: new Date('2024-03-09T15:00:00Z'),
      timeZone: 'UTC',
    });
    const b = model.parse('tomorrow at 7', {
      referenceDate: new Date('2024-03-20T15:00:00Z'),
      timeZone: 'UTC',
    });
    expect(a.builtins).not.toEqual(b.builtins);
    expect(b.intent).toEqual(a.intent);
  });

  it('hands out results a caller can change without changing the next parse', () => {
    const first = model.parse('yes', opts);
    first.intent.name = 'changed';
    first.intents.length = 0;
    expect(model.parse('yes', opts).intent.name).not.toBe('changed');
    expect(model.parse('yes', opts).intents.length).toBeGreaterThan(0);
  });
});
