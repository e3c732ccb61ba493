// parseNewProduct's plain check must answer exactly as zod does: the same product for input it accepts,
// and zod's own error for everything else.
import { AppError, parseInput } from '@concierge/platform';
import { describe, expect, it } from 'vitest';
import { newProductSchema, parseNewProduct, plainNewProduct } from './product.schemas.js';

const valid = {
  name: 'Bench bouquet',
  description: 'Made by the benchmark',
  price: { amount: 4500, currency: 'USD' },
  imageUrl: '/images/products/bench.svg',
  tags: ['bench', 'red-roses'],
  stock: 5,
};

/** What zod answers: the parsed product, or the error parseInput throws. */
function byZod(input: unknown): { product?: unknown; error?: unknown } {
  try {
    return { product: parseInput(newProductSchema, input, 'body') };
  } catch (error) {
    return { error };
  }
}

function byParseNewProduct(input: unknown): { product?: unknown; error?: unknown } {
  try {
    return { product: parseNewProduct(input) };
  } catch (error) {
    return { error };
  }
}

function expectSameAnswer(input: unknown): void {
  const expected = byZod(input);
  const actual = byParseNewProduct(input);
  if (expected.error) {
    expect(actual.error).toBeInstanceOf(AppError);
    expect(actual.error).toMatchObject({
      kind: (expected.error as AppError).kind,
      message: (expected.error as AppError).message,
      details: (expected.error as AppError).details,
    });
  } else {
    expect(actual).toEqual(expected);
  }
}

describe('parseNewProduct', () => {
  it.each([
    ['a full product', valid],
    ['only the required fields', { name: 'Plain', price: { amount: 0, currency: 'EUR' } }],
    [
      'what the gateway hands over (its defaults filled in)',
      { ...valid, description: '', tags: [], stock: 0 },
    ],
    ['an https image', { ...valid, imageUrl: 'https://example.com/rose.jpg' }],
    ['a name and description to trim', { ...valid, name: '  Roses  ', description: ' soft ' }],
    ['the largest values', { ...valid, price: { amount: 100_000_000, currency: 'USD' }, stock: 1_000_000 }],
  ])('takes the plain path for %s, with the product zod makes', (_, input) => {
    expect(plainNewProduct(input)).toEqual(byZod(input).product);
    expectSameAnswer(input);
  });

  it('leaves duplicate tags to zod, which drops them', () => {
    const input = { ...valid, tags: ['red', 'red', 'white'] };
    expect(plainNewProduct(input)).toBeUndefined();
    expect(parseNewProduct(input)).toMatchObject({ tags: ['red', 'white'] });
    expectSameAnswer(input);
  });

  it.each([
    ['no body', undefined],
    ['null', null],
    ['an array', [valid]],
    ['a string', 'roses'],
    ['an unknown field', { ...valid, colour: 'red' }],
    ['a __proto__ key', JSON.parse('{"name":"x","price":{"amount":1,"currency":"USD"},"__proto__":{"a":1}}')],
    ['an unknown price field', { ...valid, price: { amount: 1, currency: 'USD', tax: 1 } }],
    ['a missing name', { ...valid, name: undefined }],
    ['a blank name', { ...valid, name: '   ' }],
    ['a long name', { ...valid, name: 'x'.repeat(201) }],
    ['a number as name', { ...valid, name: 12 }],
    ['a long description', { ...valid, description: 'x'.repeat(2001) }],
    ['a missing price', { ...valid, price: undefined }],
    ['a price amount as text', { ...valid, price: { amount: '4500', currency: 'USD' } }],
    ['a fractional amount', { ...valid, price: { amount: 45.5, currency: 'USD' } }],
    ['a negative amount', { ...valid, price: { amount: -1, currency: 'USD' } }],
    ['an amount above the maximum', { ...valid, price: { amount: 100_000_001, currency: 'USD' } }],
    ['a lower-case currency', { ...valid, price: { amount: 1, currency: 'usd' } }],
    ['an http image', { ...valid, imageUrl: 'http://example.com/rose.jpg' }],
    ['a long image URL', { ...valid, imageUrl: `/${'x'.repeat(500)}` }],
    ['a tag that is not a slug', { ...valid, tags: ['Not A Slug'] }],
    ['a long tag', { ...valid, tags: ['x'.repeat(41)] }],
    ['a number as tag', { ...valid, tags: [1] }],
    ['too many tags', { ...valid, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
    ['tags as text', { ...valid, tags: 'red' }],
    ['a negative stock', { ...valid, stock: -1 }],
    ['a stock above the maximum', { ...valid, stock: 1_000_001 }],
    ['a fractional stock', { ...valid, stock: 1.5 }],
  ])('answers %s with zod’s error', (_, input) => {
    expect(plainNewProduct(input)).toBeUndefined();
    expect(byZod(input).error).toBeInstanceOf(AppError);
    expectSameAnswer(input);
  });

  it('answers as zod does for thousands of variations of a product', () => {
    // A fixed-seed generator (mulberry32): the same variations on every run.
    let seed = 42;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const values = [
      undefined,
      null,
      '',
      ' ',
      'a',
      ' x ',
      'USD',
      'usd',
      'red',
      'red-roses',
      'Red',
      '/a.svg',
      'https://x.test/a.png',
      'http://x.test',
      'x'.repeat(41),
      0,
      -0,
      1,
      -1,
      1.5,
      100_000_000,
      100_000_001,
      1_000_000,
      Number.NaN,
      true,
      [],
      ['red'],
      ['red', 'red'],
      ['Red'],
      {},
      { amount: 1, currency: 'USD' },
      { amount: 1 },
    ];
    const keys = ['name', 'description', 'price', 'imageUrl', 'tags', 'stock', 'colour'];
    let plain = 0;
    for (let i = 0; i < 5000; i++) {
      const input: Record<string, unknown> = structuredClone(valid);
      for (let changes = 1 + Math.floor(random() * 2); changes > 0; changes--) {
        const key = pick(keys);
        const price = input.price;
        if (key === 'price' && typeof price === 'object' && price !== null && random() < 0.5)
          (price as Record<string, unknown>)[pick(['amount', 'currency', 'tax'])] = pick(values);
        else if (random() < 0.2) delete input[key];
        else input[key] = pick(values);
      }
      if (plainNewProduct(input) !== undefined) plain++;
      expectSameAnswer(input);
    }
    // Both paths were exercised.
    expect(plain).toBeGreaterThan(100);
    expect(plain).toBeLessThan(4900);
  });
});
