// The write lock shared by the threads of a process in front of SQLite's own: one holder at a time, a
// thread with priority announces itself to the holder, and a holder that died can be cleared.
import { expect, it } from 'vitest';
import { createSharedWriteLock, createWriteLockState, resetWriteLock } from './shared-write-lock.js';

it('lets one holder in at a time, and the next once the first lets go', () => {
  const state = createWriteLockState();
  const first = createSharedWriteLock({ state, priority: false });
  const second = createSharedWriteLock({ state, priority: true, maxWaitMs: 5 });
  expect(first.acquire()).toBe(true);
  expect(second.acquire()).toBe(false);
  first.release();
  expect(second.acquire()).toBe(true);
  second.release();
});

it('does not let a thread that gave up waiting free the lock of the holder', () => {
  const state = createWriteLockState();
  const holder = createSharedWriteLock({ state, priority: false });
  const impatient = createSharedWriteLock({ state, priority: false, maxWaitMs: 5 });
  expect(holder.acquire()).toBe(true);
  expect(impatient.acquire()).toBe(false);
  impatient.release();
  expect(createSharedWriteLock({ state, priority: false, maxWaitMs: 5 }).acquire()).toBe(false);
  holder.release();
});

it('tells a holder without priority that a priority thread waits, until it has been served', () => {
  const state = createWriteLockState();
  const background = createSharedWriteLock({ state, priority: false });
  const http = createSharedWriteLock({ state, priority: true, maxWaitMs: 5 });
  expect(background.acquire()).toBe(true);
  expect(background.contended()).toBe(false);
  // A priority thread that gave up waiting has been served as far as the holder is concerned.
  expect(http.acquire()).toBe(false);
  expect(background.contended()).toBe(false);
  expect(http.contended()).toBe(false);
  background.release();
});

it('can be cleared when its holder died holding it', () => {
  const state = createWriteLockState();
  expect(createSharedWriteLock({ state, priority: false }).acquire()).toBe(true);
  const next = createSharedWriteLock({ state, priority: true, maxWaitMs: 5 });
  expect(next.acquire()).toBe(false);
  resetWriteLock(state);
  expect(next.acquire()).toBe(true);
});
