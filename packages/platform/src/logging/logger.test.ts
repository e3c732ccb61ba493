// The logger buffers lines; a process that logs little must still show them while it runs.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const child = fileURLToPath(new URL('./logger.quiet-child.ts', import.meta.url));

describe('logger', () => {
  it('shows the line of a quiet process while it is still running, not only at exit', async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let exited = false;
    proc.on('exit', () => {
      exited = true;
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        proc.stdout.on('data', (d) => {
          out += String(d);
          if (out.includes('\n')) resolve(out);
        });
        proc.on('exit', () => reject(new Error(`exited before its line was shown; got: ${out}`)));
      });
      // The child logs one short line (far below the 4 KiB buffer) and then idles for 30 s.
      expect(JSON.parse(line.split('\n')[0]!)).toMatchObject({ msg: 'one quiet line', level: 30 });
      expect(exited).toBe(false);
    } finally {
      proc.kill('SIGKILL');
    }
  });
});
