import { describe, expect, it } from 'vitest';
import { NluModel } from '../model/model.js';
import { train } from '../model/train.js';
import type { Example } from '../types.js';
import { WordClusters, wordClusters } from './word-clusters.js';

describe('the shipped word clusters', () => {
  const clusters = wordClusters();

  it('hold the 50,000 most frequent words at 64 and 256 clusters', () => {
    expect(clusters.sizes).toEqual([64, 256]);
    expect(clusters.size).toBe(50_000);
    expect(clusters.of('the')).toHaveLength(2);
    expect(clusters.of('zxqvlorp')).toEqual(['64:-', '256:-']);
  });

  it('put similar words together', () => {
    expect(clusters.of('mango')).toEqual(clusters.of('apricot'));
    expect(clusters.of('purple')).toEqual(clusters.of('pink'));
    expect(clusters.of('mango')[0]).not.toBe(clusters.of('purple')[0]);
  });

  it('parse what the build script writes', () => {
    const c = WordClusters.parse('word\tk64\tk256\npub\t17\t161\nbistro\t17\t161\n');
    expect(c.of('bistro')).toEqual(['64:17', '256:161']);
    expect(c.size).toBe(2);
  });
});

describe('word clusters in the slot tagger', () => {
  // Every value appears in every frame, so only the word itself tells a fruit from a colour.
  const fruits = ['banana', 'cherry', 'pear', 'apricot', 'plum'];
  const colours = ['blue', 'yellow', 'green', 'red', 'pink'];
  const frames = ['add some X please', 'I would like X', 'paint it X', 'one more X'];
  const example = (frame: string, value: string, entity: string): Example => {
    const text = frame.replace('X', value);
    const start = text.indexOf(value);
    return { text, intent: 'pick', slots: [{ entity, value, start, end: start + value.length }] };
  };
  const examples: Example[] = [
    ...frames.flatMap((f) => [
      ...fruits.map((v) => example(f, v, 'fruit')),
      ...colours.map((v) => example(f, v, 'colour')),
    ]),
    { text: 'hello there', intent: 'greet', slots: [] },
    { text: 'hi', intent: 'greet', slots: [] },
  ];
  // Words never seen in training.
  const unseen: [string, string][] = [
    ['add some mango please', 'mango:fruit'],
    ['one more peach', 'peach:fruit'],
    ['add some grape please', 'grape:fruit'],
    ['one more lemon', 'lemon:fruit'],
    ['I would like purple', 'purple:colour'],
  ];
  const right = (model: NluModel) =>
    unseen.filter(([text, want]) =>
      model
        .parse(text)
        .entities.map((e) => `${e.value}:${e.entity}`)
        .includes(want),
    ).length;

  it('tells an unseen fruit from an unseen colour by its cluster', () => {
    expect(right(train({ examples }, { seed: 1, wordClusters: true }))).toBe(unseen.length);
    expect(right(train({ examples }, { seed: 1, wordClusters: false }))).toBeLessThan(unseen.length);
  });

  it('are off by default below 50 examples per intent, and saved with the model when on', () => {
    expect(train({ examples }, { seed: 1 }).toJSON().wordClusters).toBeUndefined();
    const model = train({ examples }, { seed: 1, wordClusters: true });
    const json = model.toJSON();
    expect(json.wordClusters).toEqual({ sizes: [64, 256], words: 50_000 });
    const copy = NluModel.fromJSON(JSON.parse(JSON.stringify(json)));
    for (const [text] of unseen) expect(copy.parse(text)).toEqual(model.parse(text));
    expect(() => NluModel.fromJSON({ ...json, wordClusters: { sizes: [64], words: 50_000 } })).toThrow(
      /other word clusters/,
    );
  });
});
