// The `concierge` command as a person runs it: real processes, real signals, real files.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const repo = path.resolve(fileURLToPath(import.meta.url), '../../../..');
const main = path.join(repo, 'packages/cli/src/main.ts');
const nodeArgs = ['--import', 'tsx', main];
const dirs: string[] = [];
const children: ChildProcess[] = [];

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-cli-'));
  dirs.push(dir);
  return dir;
}

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [...nodeArgs, ...args], {
    cwd: repo,
    env: { ...process.env, CONCIERGE_LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('concierge CLI', { timeout: 120_000 }, () => {
  it('explains every command with --help', () => {
    const top = run(['--help']);
    expect(top.status).toBe(0);
    for (const command of ['start', 'migrate', 'seed', 'dlq', 'nlu']) expect(top.stdout).toContain(command);
    expect(run(['start', '--help']).stdout).toContain('--seed-if-empty');
    expect(run(['seed', '--help']).stdout).toContain('--reset');
  });

  it('evaluates the NLU engine on a training file with a dev split', () => {
    const res = run([
      'nlu',
      'eval',
      '--train',
      path.join(repo, 'packages/nlu/src/fixtures/concierge-bot.yaml'),
      '--dev-split',
      '0.3',
    ]);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/intent accuracy \d+\.\d+/);
    expect(res.stdout).toMatch(/latency p50 [\d.]+ ms/);
  });

  it('refuses to start with an unknown CONCIERGE_ variable, naming it', () => {
    const res = run(['migrate'], { CONCIERGE_PROT: '1' });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('CONCIERGE_PROT: unknown variable');
  });

  it('migrates, then seeds once, saying what it did', () => {
    const env = { CONCIERGE_DATA_DIR: dataDir() };
    const first = run(['migrate'], env);
    expect(first.stderr).toMatch(/catalog: applied 0001/);
    expect(run(['migrate'], env).stderr).toContain('catalog: up to date');
    const seeded = run(['seed'], env);
    expect(seeded.stderr).toContain('Seeded 60 products and 600 restaurants.');
    expect(run(['seed'], env).stderr).toContain('nothing changed');
  });

  it('starts, prints the URL, serves, and drains on SIGTERM with exit code 0', async () => {
    const env = {
      ...process.env,
      CONCIERGE_DATA_DIR: dataDir(),
      CONCIERGE_PORT: '0',
      CONCIERGE_LOG_LEVEL: 'info',
    };
    const child = spawn(process.execPath, [...nodeArgs, 'start', '--seed-if-empty'], { cwd: repo, env });
    children.push(child);
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += String(d);
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        stderr += String(d);
        const found = /Open (http:\/\/localhost:\d+)/.exec(stderr);
        if (found?.[1]) resolve(found[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const page = (await (await fetch(`${url}/v1/products?limit=3`)).json()) as { items: unknown[] };
    expect(page.items).toHaveLength(3);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(stdout).toContain('shutdown step done');
    expect(stdout).toContain('close stores');
  });
});
