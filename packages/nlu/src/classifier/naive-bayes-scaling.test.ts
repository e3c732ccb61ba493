// NBSVM-style scaling of the intent features: a rare intent's deciding word outvotes a large intent's frame.
import { describe, expect, it } from 'vitest';
import { train } from '../model/train.js';
import type { Example } from '../types.js';
import { naiveBayesScales } from './logreg.js';

const examples = (intent: string, texts: string[]): Example[] =>
  texts.map((text) => ({ text, intent, slots: [] }));

// Like the Braun web-applications corpus: one large intent whose sentences share the question frame
// "how do i … my …", and a rare one known from two sentences.
const tiny = [
  ...examples('delete_account', [
    'how do i delete my twitter account',
    'how do i delete my gmail account',
    'how can i delete my linkedin account',
    'how do i close my myspace account',
    'how do i delete my harvest profile',
    'how can i permanently delete my account',
  ]),
  ...examples('change_password', ['how do i change my password on skype', 'how can i reset my password']),
  ...examples('export_data', ['how can i export my listening history', 'backup my blog']),
];

describe('naive-Bayes scaling of the intent features', () => {
  it("lets a rare intent's own word outvote a large intent's question frame, whatever the seed", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const model = train({ examples: tiny }, { seed });
      expect([seed, model.parse('how do i backup my linkedin profile').intent.name]).toEqual([
        seed,
        'export_data',
      ]);
      expect([seed, model.parse('how do i backup my myspace').intent.name]).toEqual([seed, 'export_data']);
    }
  });

  it('scales words that single out a class up, to at most 2, and shared words hardly at all', () => {
    // Features 0 ("delete"), 1 ("export") and 2 ("how", in every sentence) over two classes.
    const rows = [Int32Array.of(0, 4), Int32Array.of(0, 4), Int32Array.of(2, 4), Int32Array.of(2, 4)];
    const values = rows.map(() => Float32Array.of(1, 1));
    const s = naiveBayesScales(rows, values, [0, 0, 1, 1], 2, 3);
    expect(s[0]).toBeCloseTo(2); // "delete" for class 0 (capped)
    expect(s[1]).toBeCloseTo(2); // "delete" against class 1: evidence too
    expect(s[2]).toBeCloseTo(2); // "export" against class 0
    expect(s[4]).toBeCloseTo(1); // "how": the same share of both classes
    expect(s[5]).toBeCloseTo(1);
  });

  it('is off by default once every intent has 1,000 examples', () => {
    const big = [0, 1].flatMap((k) =>
      examples(
        `intent${k}`,
        Array.from({ length: 1000 }, (_, i) => `${k ? 'export' : 'delete'} item ${i % 37} of list ${i % 11}`),
      ),
    );
    const auto = train({ examples: big }, { seed: 1, taggerEpochs: 1, intentEpochs: 2 }).toJSON().classifier;
    const off = train(
      { examples: big },
      { seed: 1, taggerEpochs: 1, intentEpochs: 2, naiveBayesScaling: false },
    );
    expect(auto).toEqual(off.toJSON().classifier);
  });
});
