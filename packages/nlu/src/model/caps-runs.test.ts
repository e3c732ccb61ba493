import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import type { Example } from '../types.js';
import { extendToCapsRuns, learnCapsRuns, titleCased } from './caps-runs.js';

const example = (text: string, intent: string, values: [string, string][]): Example => ({
  text,
  intent,
  slots: values.map(([entity, value]) => {
    const start = text.indexOf(value);
    return { entity, value, start, end: start + value.length };
  }),
});

const examples = [
  example('Alternatives to Google Groups with more features?', 'alt', [['WebService', 'Google Groups']]),
  example('How do I change my password on TV Tropes?', 'pw', [['WebService', 'TV Tropes']]),
  example('how to install it on Ubuntu 14.04', 'up', [['Version', '14.04']]),
  example('upgrade from Ubuntu 12.04 to 14.04', 'up', [
    ['Version', '12.04'],
    ['Version', '14.04'],
  ]),
];
const tokenized = examples.map((e) => tokenize(e.text));

describe('capitalized-run completion', () => {
  it('learns the entities whose spans cover whole capitalized runs', () => {
    const caps = learnCapsRuns(examples, tokenized)!;
    // "14.04" is only part of the run "Ubuntu 14.04", so Version spans are left as tagged.
    expect(caps.entities).toEqual(['WebService']);
    expect(caps.vocabulary.has('install')).toBe(true);
    expect(caps.vocabulary.has('google')).toBe(false);
    expect(learnCapsRuns(examples.slice(2), tokenized.slice(2))).toBeUndefined();
  });

  it('widens a partial name to its run, but not onto common words, other spans or headlines', () => {
    const caps = learnCapsRuns(examples, tokenized)!;
    const tokens = tokenize('How do I delete my Experts Exchange account?');
    const at = (text: string) => tokens.findIndex((t) => t.text === text);
    const tagged = [{ entity: 'WebService', start: at('Exchange'), end: at('Exchange') + 1 }];
    expect(extendToCapsRuns(tagged, tokens, caps)).toEqual([
      { entity: 'WebService', start: at('Experts'), end: at('Exchange') + 1 },
    ]);
    const common = tokenize('Where To Install Skype');
    expect(extendToCapsRuns([{ entity: 'WebService', start: 3, end: 4 }], common, caps)).toEqual([
      { entity: 'WebService', start: 3, end: 4 },
    ]);
    const two = tokenize('sync Yahoo Google now');
    const spans = [
      { entity: 'WebService', start: 1, end: 2 },
      { entity: 'WebService', start: 2, end: 3 },
    ];
    expect(extendToCapsRuns(spans, two, caps)).toEqual(spans);
    const headline = tokenize('Totally Blocking Spam To Gmail Account');
    expect(titleCased(headline)).toBe(true);
    expect(extendToCapsRuns([{ entity: 'WebService', start: 4, end: 5 }], headline, caps)).toEqual([
      { entity: 'WebService', start: 4, end: 5 },
    ]);
  });
});
