// Starts benchmark servers as child processes and waits until they answer.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';

export interface Running {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

export async function waitFor(url: string, timeoutMs = 20_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

/**
 * True when some process listens on `port` (Linux, from /proc/net): a benchmark started there would measure
 * that process instead of its own server, which failed to bind.
 */
function listening(port: number): boolean {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')} `;
  return ['/proc/net/tcp', '/proc/net/tcp6'].some((file) => {
    if (!fs.existsSync(file)) return false;
    // Columns: sl local_address rem_address st ...; st 0A is LISTEN.
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .some((line) => line.split(/\s+/)[4] === '0A' && line.includes(hex));
  });
}

/** `logFile`: the child's stdout and stderr go there (else stdout is dropped and stderr kept for errors). */
export function start(
  command: string,
  args: string[],
  env: Record<string, string>,
  port: number,
  options: { logFile?: string } = {},
): Running {
  if (listening(port))
    throw new Error(`port ${port} is taken by another process: stop it, or the benchmark measures it`);
  const log = fs.openSync(options.logFile ?? '/dev/null', 'w');
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', log, options.logFile ? log : 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  child.on('exit', (code) => {
    if (code && code !== 0 && code !== 130)
      process.stderr.write(`child ${command} exited ${code}: ${stderr}\n`);
  });
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/**
 * User plus system CPU time in milliseconds (Linux `/proc`; 0 once the process is gone): of a process, or of
 * one of its threads with `file` = `/proc/<pid>/task/<tid>/stat`.
 */
export function cpuMs(pid: number | undefined, file = `/proc/${pid}/stat`): number {
  const { user, system } = cpuSplitMs(pid, file);
  return user + system;
}

/** The process's CPU time so far split into user and kernel (system) time, in ms; zeros when it is gone. */
export function cpuSplitMs(
  pid: number | undefined,
  file = `/proc/${pid}/stat`,
): { user: number; system: number } {
  try {
    const stat = fs.readFileSync(file, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // USER_HZ is 100 on Linux
    return { user: (Number(fields[11]) * 1000) / 100, system: (Number(fields[12]) * 1000) / 100 };
  } catch {
    return { user: 0, system: 0 };
  }
}
