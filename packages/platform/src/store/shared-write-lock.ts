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
  const waitFor = async (): Promise<boolean> => {
    const started = performance.now();
    const deadline = started + maxWaitMs;
    if (options.priority) Atomics.add(cells, priorityWaiters, 1);
    try {
      for (;;) {
        const left = deadline - performance.now();
        if (left <= 0) return false;
        const waiting = options.priority ? 0 : Atomics.load(cells, priorityWaiters);
        const wait =
          waiting > 0
            ? waitAsync(cells, priorityWaiters, waiting, Math.min(left, 5))
            : Atomics.compareExchange(cells, held, 0, 1) === 0
              ? undefined
              : waitAsync(cells, held, 1, Math.min(left, 50));
        if (!wait) {
          holding = true;
          return true;
        }
        if (wait.async) await wait.value;
      }
    } finally {
      stats.acquired++;
      stats.waited++;
      stats.waitedMs += performance.now() - started;
      if (options.priority && Atomics.sub(cells, priorityWaiters, 1) === 1)
        Atomics.notify(cells, priorityWaiters);
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
      const started = performance.now();
      const deadline = started + maxWaitMs;
      let waited = false;
      if (options.priority) Atomics.add(cells, priorityWaiters, 1);
      try {
        for (;;) {
          const left = deadline - performance.now();
          if (left <= 0) return false;
          const waiting = options.priority ? 0 : Atomics.load(cells, priorityWaiters);
          if (waiting > 0) {
            waited = true;
            Atomics.wait(cells, priorityWaiters, waiting, Math.min(left, 5));
            continue;
          }
          if (Atomics.compareExchange(cells, held, 0, 1) === 0) {
            holding = true;
            return true;
          }
          waited = true;
          Atomics.wait(cells, held, 1, Math.min(left, 50));
        }
      } finally {
        stats.acquired++;
        if (waited) {
          stats.waited++;
          stats.waitedMs += performance.now() - started;
        }
        if (options.priority && Atomics.sub(cells, priorityWaiters, 1) === 1)
          Atomics.notify(cells, priorityWaiters);
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
