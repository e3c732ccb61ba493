// The in-process cache against the shared contract, plus LRU eviction.
import { expect, it } from 'vitest';
import { cacheContract } from '../testing/index.js';
import { createMemoryCache } from './memory-cache.js';

cacheContract('memory', async () => {
  const cache = createMemoryCache();
  return { cache, dispose: () => cache.close() };
});

it('evicts the least recently used entry beyond maxEntries', async () => {
  const cache = createMemoryCache({ maxEntries: 2 });
  await cache.set('a', 1, 10_000);
  await cache.set('b', 2, 10_000);
  await cache.get('a');
  await cache.set('c', 3, 10_000);
  expect([await cache.get('a'), await cache.get('b'), await cache.get('c')]).toEqual([1, undefined, 3]);
});
