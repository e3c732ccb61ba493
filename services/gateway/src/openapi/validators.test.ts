import { deepFreeze } from '@concierge/platform';
import { describe, expect, it } from 'vitest';
import { createSerializerCompiler } from './validators.js';

const schema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    price: { type: 'object', properties: { amount: { type: 'integer' } } },
    tags: { type: 'array', items: { type: 'string' } },
  },
};
const serializer = () =>
  createSerializerCompiler({})({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never) as (
    data: unknown,
  ) => string;

describe('createSerializerCompiler', () => {
  it('serializes by the schema, leaving out what it does not name', () => {
    expect(serializer()({ id: 'p1', price: { amount: 5 }, tags: ['a'], secret: 'x' })).toBe(
      '{"id":"p1","price":{"amount":5},"tags":["a"]}',
    );
  });

  it('reuses the JSON of a deeply frozen value, and gives each value its own', () => {
    const serialize = serializer();
    const one = deepFreeze({ id: 'p1', price: { amount: 5 }, tags: ['a'] });
    const two = deepFreeze({ id: 'p2', price: { amount: 6 }, tags: [] });
    const json = serialize(one);
    expect(serialize(one)).toBe(json);
    expect(serialize(two)).toBe('{"id":"p2","price":{"amount":6},"tags":[]}');
    expect(serialize(one)).toBe('{"id":"p1","price":{"amount":5},"tags":["a"]}');
  });

  it('serializes afresh a value that can still change, even one frozen only on the outside', () => {
    const serialize = serializer();
    const open = { id: 'p1', price: { amount: 5 }, tags: ['a'] };
    serialize(open);
    open.price.amount = 7;
    expect(serialize(open)).toBe('{"id":"p1","price":{"amount":7},"tags":["a"]}');
    const shallow = Object.freeze({ id: 'p1', price: { amount: 5 }, tags: ['a'] });
    serialize(shallow);
    shallow.price.amount = 8;
    shallow.tags.push('b');
    expect(serialize(shallow)).toBe('{"id":"p1","price":{"amount":8},"tags":["a","b"]}');
  });
});
