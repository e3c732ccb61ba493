// The logger buffers lines; a process that logs little must still show them while it runs.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const child = fileURLToPath(new URL('./logger.quiet-child.ts', import.meta.url));
const busyChild = fileURLToPath(new URL('./logger.busy-child.ts', import.meta.url));

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

  it('writes every line of a busy process whole and in order, the last ones at flush', async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', busyChild], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const chunks: Buffer[] = [];
    proc.stdout.on('data', (d: Buffer) => chunks.push(d));
    await new Promise((resolve) => proc.on('exit', resolve));
    const lines = Buffer.concat(chunks).toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    const entries = lines.map((line) => JSON.parse(line) as { i: number; note: string; reqId: string });
    expect(entries.map((e) => e.i)).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    expect(entries[7]!.note).toBe('x'.repeat(6000));
    expect(entries[3]!.note).toBe('é日🙂');
    expect(entries.every((e) => e.reqId === 'r1')).toBe(true);
  });
});
