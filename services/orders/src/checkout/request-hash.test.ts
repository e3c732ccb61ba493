// Idempotency compares bodies by meaning: key order is irrelevant, any value change is not.
import { describe, expect, it } from 'vitest';
import { requestHash } from './request-hash.js';

const sut = requestHash;

describe('requestHash', () => {
  it('ignores key order at every level', () => {
    expect(sut({ a: 1, b: { c: 2, d: [1, { e: 3, f: 4 }] } })).toBe(
      sut({ b: { d: [1, { f: 4, e: 3 }], c: 2 }, a: 1 }),
    );
  });

  it('changes with any value, array order or missing body', () => {
    expect(sut({ a: 1 })).not.toBe(sut({ a: 2 }));
    expect(sut({ a: [1, 2] })).not.toBe(sut({ a: [2, 1] }));
    expect(sut(undefined)).not.toBe(sut({}));
  });
});
