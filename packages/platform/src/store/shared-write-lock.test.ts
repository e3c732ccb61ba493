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

it('waits without blocking the event loop, and takes the lock once it is let go', async () => {
  const state = createWriteLockState();
  const holder = createSharedWriteLock({ state, priority: false });
  const http = createSharedWriteLock({ state, priority: true });
  expect(holder.acquire()).toBe(true);
  const taking = http.acquireAsync();
  expect(taking).toBeInstanceOf(Promise);
  let ticks = 0;
  await new Promise((resolve) => setTimeout(resolve, 5)).then(() => ticks++);
  expect(ticks).toBe(1);
  expect(holder.contended()).toBe(true);
  holder.release();
  expect(await taking).toBe(true);
  expect(holder.contended()).toBe(false);
  // A thread without priority now waits for the holder, and gives up after its bound.
  const impatient = createSharedWriteLock({ state, priority: false, maxWaitMs: 5 });
  expect(await impatient.acquireAsync()).toBe(false);
  http.release();
  expect(impatient.acquireAsync()).toBe(true);
  impatient.release();
});
