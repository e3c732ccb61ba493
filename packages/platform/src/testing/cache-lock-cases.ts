// Cache contract cases for withLock: exclusion, parallel keys, release on throw, waiting, TTL expiry.
import { expect, it } from 'vitest';
import type { Cache } from '../ports/cache.js';
import { gate, sleep } from './eventually.js';

export function cacheLockCases(cache: () => Cache): void {
  it('never interleaves two holders of the same key', async () => {
    const log: string[] = [];
    const critical = (who: string) => async () => {
      log.push(`${who}:in`);
      await sleep(40);
      log.push(`${who}:out`);
      return who;
    };
    const results = await Promise.all([
      cache().withLock('conv:1', critical('a')),
      cache().withLock('conv:1', critical('b')),
      cache().withLock('conv:1', critical('c')),
    ]);
    expect(results).toEqual(['a', 'b', 'c']);
    for (let i = 0; i < log.length; i += 2) expect(log[i]!.split(':')[0]).toBe(log[i + 1]!.split(':')[0]);
  });

  it('runs holders of different keys in parallel', async () => {
    const both = gate();
    let inside = 0;
    const critical = async () => {
      if (++inside === 2) both.open();
      await both.promise;
    };
    await Promise.all([
      cache().withLock('conv:a', critical, { waitMs: 1_000 }),
      cache().withLock('conv:b', critical, { waitMs: 1_000 }),
    ]);
    expect(inside).toBe(2);
  });

  it('releases the lock when the holder throws', async () => {
    await expect(
      cache().withLock('conv:2', async () => {
        throw new Error('turn failed');
      }),
    ).rejects.toThrow('turn failed');
    await expect(cache().withLock('conv:2', async () => 'next', { waitMs: 200 })).resolves.toBe('next');
  });

  it("fails with conflict/LOCKED after waitMs, without running the waiter's fn", async () => {
    const hold = gate();
    const holder = cache().withLock('conv:3', () => hold.promise);
    await sleep(20);
    let ran = false;
    const started = Date.now();
    const waiter = cache().withLock(
      'conv:3',
      async () => {
        ran = true;
      },
      { waitMs: 150 },
    );
    await expect(waiter).rejects.toMatchObject({ kind: 'conflict', code: 'LOCKED' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(ran).toBe(false);
    hold.open();
    await holder;
  });

  it('frees a lock whose holder outlives ttlMs, and the late holder cannot free its successor', async () => {
    const stuck = gate();
    let staleDone = false;
    const stale = cache()
      .withLock('conv:4', () => stuck.promise, { ttlMs: 150 })
      .then(() => {
        staleDone = true;
      });
    await sleep(20);
    const successorHolds = gate();
    const successorIn = gate();
    const successor = cache().withLock(
      'conv:4',
      async () => {
        successorIn.open();
        await successorHolds.promise;
      },
      { waitMs: 3_000, ttlMs: 5_000 },
    );
    await successorIn.promise;
    expect(staleDone).toBe(false);
    stuck.open();
    await stale;
    await expect(cache().withLock('conv:4', async () => 'intruder', { waitMs: 100 })).rejects.toMatchObject({
      code: 'LOCKED',
    });
    successorHolds.open();
    await successor;
    await expect(cache().withLock('conv:4', async () => 'after', { waitMs: 500 })).resolves.toBe('after');
  });
}
