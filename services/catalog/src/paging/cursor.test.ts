// Cursors decode only what they encoded, for the listing that encoded it.
import { describe, expect, it } from 'vitest';
import { cursorCodec, isTuple } from './cursor.js';

const sut = cursorCodec('things:rating', isTuple<[number, string]>('number', 'string'));

describe('cursorCodec', () => {
  it('round-trips a key through an opaque, URL-safe string', () => {
    const cursor = sut.encode([4.7, 'rst_1']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(sut.decode(cursor)).toEqual([4.7, 'rst_1']);
  });

  it.each([
    ['garbage'],
    [''],
    ['.'],
    ['a.b.c'],
    [cursorCodec('other:order', isTuple('number', 'string')).encode([4.7, 'rst_1'])],
    [cursorCodec('things:rating', (v): v is unknown => true).encode(['4.7', 'rst_1'])],
    [cursorCodec('things:rating', (v): v is unknown => true).encode([4.7])],
    [cursorCodec('things:rating', (v): v is unknown => true).encode({ rating: 4.7 })],
  ])('rejects %j as INVALID_CURSOR', (cursor) => {
    expect(() => sut.decode(cursor)).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'INVALID_CURSOR' }),
    );
  });

  it('rejects a cursor whose payload was edited', () => {
    const [, check] = sut.encode([4.7, 'rst_1']).split('.');
    const forged = `${Buffer.from(JSON.stringify([5, 'rst_1'])).toString('base64url')}.${check}`;
    expect(() => sut.decode(forged)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });
});
