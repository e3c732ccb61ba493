// Contract every Cache adapter must pass: JSON values with TTL, setIfAbsent, and per-key locks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from '../ports/cache.js';
import { cacheLockCases } from './cache-lock-cases.js';
import { sleep } from './eventually.js';

export interface CacheFixture {
  cache: Cache;
  dispose(): Promise<void>;
}

/** Registers the Cache contract; `makeCache` gives an empty cache per test. */
export function cacheContract(name: string, makeCache: () => Promise<CacheFixture>): void {
  describe(`Cache contract: ${name}`, () => {
    let fixture: CacheFixture;
    const cache = () => fixture.cache;
    beforeEach(async () => {
      fixture = await makeCache();
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it('round-trips JSON values and hands out copies', async () => {
      expect(await cache().get('missing')).toBeUndefined();
      const dialog = { step: 'ask-date', slots: { guests: 4, tags: ['vegan'] }, note: null };
      await cache().set('dialog:1', dialog, 10_000);
      const read = await cache().get<typeof dialog>('dialog:1');
      expect(read).toEqual(dialog);
      read!.slots.tags.push('changed');
      expect(await cache().get('dialog:1')).toEqual(dialog);
      await cache().set('flag', false, 10_000);
      expect(await cache().get('flag')).toBe(false);
      await cache().set('when', new Date('2026-05-06T07:08:09Z'), 10_000);
      expect(await cache().get('when')).toBe('2026-05-06T07:08:09.000Z');
    });

    it('expires a value after its TTL', async () => {
      await cache().set('short', 'v', 150);
      await cache().set('long', 'v', 10_000);
      expect(await cache().get('short')).toBe('v');
      await sleep(300);
      expect(await cache().get('short')).toBeUndefined();
      expect(await cache().get('long')).toBe('v');
    });

    it('overwrites a value and its TTL on set', async () => {
      await cache().set('k', 1, 150);
      await cache().set('k', 2, 10_000);
      await sleep(300);
      expect(await cache().get('k')).toBe(2);
    });

    it('sets only absent keys with setIfAbsent', async () => {
      expect(await cache().setIfAbsent('nonce', 'first', 150)).toBe(true);
      expect(await cache().setIfAbsent('nonce', 'second', 150)).toBe(false);
      expect(await cache().get('nonce')).toBe('first');
      await sleep(300);
      expect(await cache().setIfAbsent('nonce', 'third', 10_000)).toBe(true);
      await cache().delete('nonce');
      expect(await cache().setIfAbsent('nonce', 'fourth', 10_000)).toBe(true);
      expect(await cache().get('nonce')).toBe('fourth');
    });

    it('deletes a key, and deleting a missing key is fine', async () => {
      await cache().set('gone', 'v', 10_000);
      await cache().delete('gone');
      expect(await cache().get('gone')).toBeUndefined();
      await expect(cache().delete('never-set')).resolves.toBeUndefined();
    });

    it('check() resolves while the cache is usable', async () => {
      await expect(cache().check()).resolves.toBeUndefined();
    });

    cacheLockCases(cache);
  });
}
