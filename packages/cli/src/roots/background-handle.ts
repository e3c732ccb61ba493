// The HTTP thread's side of the background thread: starts it, forwards wake-ups and chat events to it,
// restarts it (a bounded number of times) if it dies, and stops it with a drain (decision 0011).
import { Worker } from 'node:worker_threads';
import { type ConciergeConfig, type EventEnvelope, type Logger, resetWriteLock } from '@concierge/platform';
import type { BackgroundData, FromBackground, ToBackground } from './background.thread.js';

export interface BackgroundHandle {
  /**
   * New work was committed (outbox rows, a queue message): the relays deliver now instead of at their next
   * poll, and a thread not started yet starts.
   */
  wake(): void;
  /** Publishes an event on the thread's bus (where the notifications consumers are); resolves when handled. */
  publish(event: EventEnvelope): Promise<void>;
  /** Throws while the thread is not running (readiness). */
  check(): Promise<void>;
  /** Stops taking messages, waits for those in flight and closes the thread's connection. */
  stop(): Promise<void>;
}

export interface BackgroundHandleOptions {
  /** The program's entry module; it runs `runBackgroundThread` when started as this thread. */
  entry: URL;
  config: ConciergeConfig;
  /** The write lock's state, shared with the thread's store. */
  writeLock: SharedArrayBuffer;
  logger: Pick<Logger, 'error' | 'warn'>;
  /** Live-stream wake-ups from the thread's consumers. */
  onLive(userId: string): void;
  startTimeoutMs?: number;
  publishTimeoutMs?: number;
  /** Restarts after the thread died unexpectedly; then the readiness check fails. */
  maxRestarts?: number;
  /**
   * Start the thread now: work is waiting (see `pendingBackgroundWork`). Otherwise it starts with the first
   * `wake` or `publish`, so an idle process is one thread (the second one costs 55–75 MB of memory).
   */
  startNow?: boolean;
}

export async function startBackground(options: BackgroundHandleOptions): Promise<BackgroundHandle> {
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const publishTimeoutMs = options.publishTimeoutMs ?? 30_000;
  const maxRestarts = options.maxRestarts ?? 5;
  const waiting = new Map<number, { resolve(): void; reject(error: Error): void }>();
  let nextId = 0;
  let restarts = 0;
  let stopping = false;
  let worker: Worker | undefined;
  let starting: Promise<void> | undefined;
  let started = false;
  let exhausted = false;
  let wakeQueued = false;
  let onStopped: (() => void) | undefined;

  const post = (message: ToBackground) => worker?.postMessage(message);

  const spawn = () =>
    new Promise<void>((resolve, reject) => {
      const data: BackgroundData = {
        role: 'concierge-background',
        config: options.config,
        writeLock: options.writeLock,
      };
      // The thread lowers its own priority before it loads the program, so loading it (parsing the bundle,
      // evaluating its modules) already gives way to requests; background.thread.ts does it again if not.
      const thread = new Worker(bootstrap(options.entry), { eval: true, workerData: data });
      const timer = setTimeout(() => {
        reject(new Error(`the background thread did not start within ${startTimeoutMs} ms`));
        void thread.terminate();
      }, startTimeoutMs);
      thread.on('message', (message: FromBackground) => {
        if (message.kind === 'started') {
          clearTimeout(timer);
          resolve();
        } else if (message.kind === 'live') for (const userId of message.userIds) options.onLive(userId);
        else if (message.kind === 'published') {
          const waiter = waiting.get(message.id);
          waiting.delete(message.id);
          if (message.error) waiter?.reject(new Error(message.error));
          else waiter?.resolve();
        } else if (message.kind === 'stopped') onStopped?.();
      });
      thread.on('error', (error) => options.logger.error({ err: error }, 'background thread failed'));
      thread.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the background thread exited with code ${code} while starting`));
        if (worker === thread) worker = undefined;
        // It may have died holding the write lock.
        resetWriteLock(options.writeLock);
        for (const waiter of waiting.values()) waiter.reject(new Error('the background thread exited'));
        waiting.clear();
        if (stopping) return;
        if (restarts >= maxRestarts) {
          exhausted = true;
          options.logger.error({ code, restarts }, 'background thread exited; not restarting it again');
          return;
        }
        restarts++;
        options.logger.warn({ code, restarts }, 'background thread exited; restarting it');
        setTimeout(() => {
          if (!stopping)
            ensure().catch((error) =>
              options.logger.error({ err: error }, 'background thread restart failed'),
            );
        }, 1000).unref();
      });
      worker = thread;
    });

  /** The running thread, started (once at a time) if it is not. */
  const ensure = (): Promise<void> => {
    if (starting) return starting;
    if (worker) return Promise.resolve();
    if (stopping) return Promise.reject(new Error('the background thread is stopping'));
    if (exhausted) return Promise.reject(new Error('the background thread exited too often'));
    starting ??= spawn().then(
      () => {
        started = true;
        starting = undefined;
      },
      (error: unknown) => {
        starting = undefined;
        throw error;
      },
    );
    return starting;
  };

  if (options.startNow) await ensure();
  return {
    wake() {
      // One message per turn however many checkouts committed in it.
      if (wakeQueued) return;
      wakeQueued = true;
      setImmediate(() => {
        wakeQueued = false;
        // A thread that starts now reads the outbox and the queue first thing: no wake needed.
        if (worker && !starting) post({ kind: 'wake' });
        else
          ensure().catch((error) => options.logger.error({ err: error }, 'background thread did not start'));
      });
    },
    async publish(event) {
      await ensure();
      const id = nextId++;
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(
            new Error(`the background thread did not take event ${event.id} within ${publishTimeoutMs} ms`),
          );
        }, publishTimeoutMs);
        const settle = (fn: () => void) => () => {
          clearTimeout(timer);
          fn();
        };
        waiting.set(id, {
          resolve: settle(resolve),
          reject: (error) => settle(() => reject(error))(),
        });
        post({ kind: 'event', id, event });
      });
    },
    async check() {
      // Not started yet is fine: nothing has asked for it.
      if (!worker && (started || exhausted)) throw new Error('the background thread is not running');
    },
    async stop() {
      stopping = true;
      await starting?.catch(() => {});
      const thread = worker;
      if (!thread) return;
      const drained = new Promise<void>((resolve) => {
        onStopped = resolve;
        thread.once('exit', () => resolve());
      });
      post({ kind: 'stop' });
      await drained;
      await thread.terminate();
    },
  };
}

/** The thread's first code: nice 10 for its own thread id (Linux), then the program. */
function bootstrap(entry: URL): string {
  return [
    "const fs = require('node:fs');",
    "const os = require('node:os');",
    "try { const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop()); if (tid > 0) os.setPriority(tid, 10); } catch {}",
    `import(${JSON.stringify(entry.href)});`,
  ].join('\n');
}
