// Child worker processes for the chaos tests: spawn, SIGKILL at random, respawn, stop.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../worker/worker.main.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface WorkerPool {
  /** How many workers were killed with SIGKILL so far. */
  kills(): number;
  /** Kills a random worker with SIGKILL and starts a new one in its place. */
  killOne(): void;
  stop(): Promise<void>;
}

function startWorker(file: string, concurrency: number, visibilityMs: number): ChildProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', entry, file, String(concurrency), String(visibilityMs)],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return child;
}

export function startWorkerPool(
  file: string,
  size: number,
  options = { concurrency: 8, visibilityMs: 2_000 },
): WorkerPool {
  const workers = Array.from({ length: size }, () =>
    startWorker(file, options.concurrency, options.visibilityMs),
  );
  let kills = 0;
  return {
    kills: () => kills,
    killOne() {
      const index = Math.floor(Math.random() * workers.length);
      workers[index]?.kill('SIGKILL');
      kills++;
      workers[index] = startWorker(file, options.concurrency, options.visibilityMs);
    },
    async stop() {
      await Promise.all(
        workers.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
