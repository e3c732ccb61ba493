import { expect, it } from 'vitest';
import { createMemoryRateLimiter } from './memory-rate-limiter.js';
import { rateLimiterContract } from './rate-limiter.contract.js';

rateLimiterContract('memory', () => createMemoryRateLimiter());

it('refills at the steady rate', async () => {
  let clock = 0;
  const sut = createMemoryRateLimiter({ now: () => clock });
  const limit = { rate: 2, burst: 1 };
  expect((await sut.take('k', limit)).allowed).toBe(true);
  expect(await sut.take('k', limit)).toMatchObject({ allowed: false, retryAfterMs: 500 });
  clock += 500;
  expect((await sut.take('k', limit)).allowed).toBe(true);
});
