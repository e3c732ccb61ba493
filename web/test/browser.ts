// Debian's chromium driven by playwright-core, with the checks every page gets: axe-core (no serious or
// critical violations), no Content-Security-Policy violations, and screenshots at phone and desktop sizes.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const screenshots = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const phone = { width: 390, height: 844 };
export const desktop = { width: 1280, height: 800 };

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Console messages that report a Content-Security-Policy violation. */
  cspViolations: string[];
  pageErrors: string[];
}

export async function openTab(browser: Browser, baseURL: string): Promise<Tab> {
  const context = await browser.newContext({ baseURL, viewport: desktop, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, cspViolations, pageErrors };
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** Runs axe-core in the page (evaluated over the DevTools protocol, so the page's CSP stays as it is). */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const result = (await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(): Promise<unknown> } }).axe.run(),
  )) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The checks for one page: accessible at both sizes, no CSP violation, and its two screenshots. */
export async function checkPage(tab: Tab, name: string): Promise<void> {
  const { page } = tab;
  fs.mkdirSync(screenshots, { recursive: true });
  for (const [size, viewport] of [
    ['phone', phone],
    ['desktop', desktop],
  ] as const) {
    await page.setViewportSize(viewport);
    expect(await accessibilityProblems(page), `${name} at ${size}`).toEqual([]);
    await page.screenshot({ path: `${screenshots}${name}-${size}.png`, fullPage: false });
  }
  await page.setViewportSize(desktop);
  expect(tab.cspViolations, `${name}: CSP violations`).toEqual([]);
  expect(tab.pageErrors, `${name}: page errors`).toEqual([]);
}
