// Web app benchmarks (issue 6): the first load's JavaScript, gzipped, and the chat page's time to
// interactive in Debian's chromium against the built `npm start`, beside a baseline measured in the same
// run: the same browser loading a static JSON file from the same server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { start, waitFor } from './lib/processes.js';
import type { BenchRow } from './run.js';

const port = 3196;
const runs = 7;

/** The JavaScript index.html loads before anything is shown: its module script and the modules it preloads. */
export function firstLoadScripts(webDir: string): string[] {
  const html = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
  const srcs = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ];
  return srcs.map((m) => path.join(webDir, (m[1] ?? m[2] ?? '').replace(/^\//, '')));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Milliseconds from navigation start until the chat's input takes text and its heading is shown. */
async function chatInteractive(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('#chat-input:enabled').waitFor();
  return page.evaluate(() => performance.now());
}

async function staticLoad(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate<number>(
    "performance.getEntriesByType('navigation')[0]?.duration ?? performance.now()",
  );
}

export async function webBenchmarks(): Promise<BenchRow[]> {
  const scripts = firstLoadScripts('dist/web');
  const gzipped = scripts.reduce(
    (sum, file) => sum + gzipSync(fs.readFileSync(file), { level: 9 }).length,
    0,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-web-'));
  const env = { CONCIERGE_DATA_DIR: dataDir, CONCIERGE_PORT: String(port), CONCIERGE_LOG_LEVEL: 'warn' };
  const sut = start('node', ['bin/concierge.js', 'start', '--seed-if-empty'], env, port);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    await waitFor(`${sut.url}/readyz`, 60_000);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${sut.url}/signin`);
    await page.getByLabel('E-mail').fill('demo@concierge.local');
    await page.getByLabel('Password').fill('Concierge-demo-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#chat-input').waitFor();
    // Each run in a fresh context (empty cache) holding the saved session, as a returning visitor's new tab.
    const storageState = await context.storageState();
    await context.close();
    const baseline: number[] = [];
    const chat: number[] = [];
    for (let i = 0; i < runs; i++) {
      const fresh = await browser.newContext({ storageState });
      const tab = await fresh.newPage();
      baseline.push(await staticLoad(tab, `${sut.url}/app-config.json`));
      const cold = await browser.newContext({ storageState });
      chat.push(await chatInteractive(await cold.newPage(), `${sut.url}/chat`));
      await fresh.close();
      await cold.close();
    }
    const b = median(baseline);
    const c = median(chat);
    return [
      {
        name: `web: first-load JavaScript, gzipped (${scripts.length} file(s))`,
        value: `${(gzipped / 1024).toFixed(1)} KB`,
        target: '≤ 150 KB',
        pass: gzipped <= 150 * 1024,
      },
      {
        name: 'web: baseline, static JSON from the same server, median of 7',
        value: `${b.toFixed(0)} ms`,
        target: '—',
        pass: true,
      },
      {
        name: 'web: chat page time to interactive (signed in, empty cache), median of 7',
        value: `${c.toFixed(0)} ms = ${(c / Math.max(b, 1)).toFixed(1)}× baseline`,
        target: 'recorded',
        pass: true,
      },
    ];
  } finally {
    await browser.close();
    await sut.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
