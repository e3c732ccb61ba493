// A write lock shared by the threads of one process that write the same SQLite file, in front of SQLite's
// own lock: a waiting thread is woken the moment the holder lets go (SQLite's busy handler polls with
// sleeps of 1, 2, 5, 10 ms...), and a thread marked `priority` (the one answering requests) goes first.

/** What GroupCommitDriver takes around each physical transaction. */
export interface WriteLock {
  /** Blocks (synchronously, bounded) until this thread holds the lock; returns whether it does. */
  acquire(): boolean;
  /**
   * Takes the lock if it is free (and, for a thread without priority, no priority thread waits);
   * otherwise waits without blocking the thread's event loop (bounded like `acquire`). Resolves with
   * whether this thread holds the lock.
   */
  acquireAsync(): true | Promise<boolean>;
  release(): void;
  /** Whether a thread with priority is waiting: a holder without it commits at its next chance. */
  contended(): boolean;
  /** This thread's acquisitions, how many had to wait, and for how long in all (diagnostics). */
  readonly stats: { acquired: number; waited: number; waitedMs: number };
}

export interface SharedWriteLockOptions {
  /** The state shared by every thread (see `createWriteLockState`). */
  state: SharedArrayBuffer;
  /** Threads with priority go before those without whenever both wait. */
  priority: boolean;
  /**
   * Longest wait; after it the thread goes on without the lock, and SQLite's own locking (busy_timeout)
   * still keeps the writes apart: a holder that died cannot stall the others for longer than this.
   */
  maxWaitMs?: number;
}

const held = 0;
const priorityWaiters = 1;

export function createWriteLockState(): SharedArrayBuffer {
  return new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
}

/** Frees the lock whoever holds it: for a host whose thread died while holding it. */
export function resetWriteLock(state: SharedArrayBuffer): void {
  const cells = new Int32Array(state);
  Atomics.store(cells, held, 0);
  Atomics.notify(cells, held);
}

/** `Atomics.waitAsync` (ES2024; in Node since 16), typed here because the project's lib is ES2023. */
const waitAsync = (
  Atomics as unknown as {
    waitAsync(
      cells: Int32Array,
      index: number,
      value: number,
      timeoutMs: number,
    ): { async: false; value: string } | { async: true; value: Promise<string> };
  }
).waitAsync;

export function createSharedWriteLock(options: SharedWriteLockOptions): WriteLock {
  const cells = new Int32Array(options.state);
  const maxWaitMs = options.maxWaitMs ?? 1000;
  let holding = false;
  const stats = { acquired: 0, waited: 0, waitedMs: 0 };
  /** One attempt: takes the lock if it is free and no priority thread goes first. */
  const attempt = (): boolean => {
    if (!options.priority && Atomics.load(cells, priorityWaiters) > 0) return false;
    if (Atomics.compareExchange(cells, held, 0, 1) !== 0) return false;
    holding = true;
    return true;
  };
  /** A waiter's step: taken (true), out of time (false), or which cell to wait on, for how long at most. */
  const step = (deadline: number): boolean | [index: number, value: number, timeoutMs: number] => {
    const left = deadline - performance.now();
    if (left <= 0) return false;
    const waiting = options.priority ? 0 : Atomics.load(cells, priorityWaiters);
    if (waiting > 0) return [priorityWaiters, waiting, Math.min(left, 5)];
    if (Atomics.compareExchange(cells, held, 0, 1) === 0) {
      holding = true;
      return true;
    }
    return [held, 1, Math.min(left, 50)];
  };
  const enter = () => {
    if (options.priority) Atomics.add(cells, priorityWaiters, 1);
    return performance.now();
  };
  const leave = (started: number, waited: boolean) => {
    stats.acquired++;
    if (waited) {
      stats.waited++;
      stats.waitedMs += performance.now() - started;
    }
    if (options.priority && Atomics.sub(cells, priorityWaiters, 1) === 1)
      Atomics.notify(cells, priorityWaiters);
  };
  const waitFor = async (): Promise<boolean> => {
    const started = enter();
    try {
      for (;;) {
        const next = step(started + maxWaitMs);
        if (typeof next === 'boolean') return next;
        const wait = waitAsync(cells, ...next);
        if (wait.async) await wait.value;
      }
    } finally {
      leave(started, true);
    }
  };
  return {
    stats,
    acquireAsync() {
      if (attempt()) {
        stats.acquired++;
        return true;
      }
      return waitFor();
    },
    acquire() {
      const started = enter();
      let waited = false;
      try {
        for (;;) {
          const next = step(started + maxWaitMs);
          if (typeof next === 'boolean') return next;
          waited = true;
          Atomics.wait(cells, ...next);
        }
      } finally {
        leave(started, waited);
      }
    },
    contended() {
      return !options.priority && Atomics.load(cells, priorityWaiters) > 0;
    },
    release() {
      if (!holding) return;
      holding = false;
      Atomics.store(cells, held, 0);
      Atomics.notify(cells, held);
    },
  };
}
