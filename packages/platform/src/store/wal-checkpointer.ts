// WAL checkpoints off the event loop. SQLite checkpoints inside the commit that grows the WAL past 1,000
// pages: it copies the pages into the database file and syncs both, and with better-sqlite3 the event
// loop waits for those fsyncs (10–30 ms each on the development VM), so every request in flight waits.
// Instead the store's own connection never checkpoints below a hard limit, and a worker thread with a
// connection of its own runs PASSIVE checkpoints (they never block writers or readers) whenever the WAL
// file has grown past a soft limit. If the thread is gone or falls behind, the hard limit makes the
// store's connection checkpoint itself again, as before, so the WAL cannot grow without bound.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface WalCheckpointerOptions {
  /** The database file (not `:memory:`). */
  file: string;
  /** How often the WAL's size is looked at (an asynchronous stat). Default 250 ms. */
  intervalMs?: number;
  /** Checkpoint once the WAL file is larger than this. Default 4 MiB (SQLite's own 1,000 pages). */
  softLimitBytes?: number;
  busyTimeoutMs?: number;
}

/** Pages at which the store's connection checkpoints by itself after all (about 64 MiB). */
export const hardLimitPages = 16_000;

// The thread is started on the first checkpoint needed, so an idle process pays no memory for it.
const threadSource = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
parentPort.on('message', (m) => {
  if (m === 'stop') {
    db.close();
    parentPort.postMessage({ stopped: true });
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ checkpointed: true });
  } catch (error) {
    parentPort.postMessage({ failed: String((error && error.message) || error) });
  }
});
`;

export interface WalCheckpointer {
  /** Checkpoints run by the thread so far. */
  readonly checkpoints: number;
  stop(): Promise<void>;
}

/** Watches `file`'s WAL; the store's connection must run `wal_autocheckpoint = hardLimitPages`. */
export function startWalCheckpointer(options: WalCheckpointerOptions): WalCheckpointer {
  const file = fs.realpathSync(options.file);
  const wal = `${file}-wal`;
  const softLimit = options.softLimitBytes ?? 4 * 1024 * 1024;
  let worker: Worker | undefined;
  let busy = false;
  let checkpoints = 0;
  let stopping = false;
  let onStopped: (() => void) | undefined;

  const thread = (): Worker => {
    if (worker) return worker;
    const w = new Worker(threadSource, {
      eval: true,
      workerData: {
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        file,
        busyTimeoutMs: options.busyTimeoutMs ?? 5000,
      },
    });
    // The thread must not keep alive a process that has nothing else to do.
    w.unref();
    w.on('message', (m: { checkpointed?: boolean; failed?: string; stopped?: boolean }) => {
      busy = false;
      if (m.checkpointed) checkpoints++;
      if (m.stopped) onStopped?.();
    });
    // A failed thread leaves the hard limit in charge; the next need starts a new one.
    w.on('error', () => {
      busy = false;
      if (worker === w) worker = undefined;
    });
    w.on('exit', () => {
      if (worker === w) worker = undefined;
      onStopped?.();
    });
    worker = w;
    return w;
  };

  const timer = setInterval(() => {
    if (busy || stopping) return;
    fs.stat(wal, (error, stat) => {
      if (error || stat.size <= softLimit || busy || stopping) return;
      busy = true;
      thread().postMessage('checkpoint');
    });
  }, options.intervalMs ?? 250);
  timer.unref();

  return {
    get checkpoints() {
      return checkpoints;
    },
    async stop() {
      stopping = true;
      clearInterval(timer);
      const w = worker;
      if (!w) return;
      await new Promise<void>((resolve) => {
        onStopped = resolve;
        w.postMessage('stop');
        // Never wait long for a thread that no longer answers.
        setTimeout(resolve, 1000).unref();
      });
      await w.terminate();
    },
  };
}
