import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startSystem, type TestSystem } from '../../../test/support/system.js';
import { freePort } from '../../../test/support/processes.js';

const ROOT = resolve(__dirname, '../../..');
export const CHROMIUM = '/usr/bin/chromium';
export const RESULTS = join(ROOT, 'web-results');

/** Installs Debian's Chromium if this machine has none yet (scripts/web/ensure-chromium.sh). */
export function ensureChromium(): string {
  if (!existsSync(CHROMIUM)) execFileSync('bash', [join(ROOT, 'scripts/web/ensure-chromium.sh')], { stdio: 'inherit' });
  return CHROMIUM;
}

/**
 * The flags this machine needs (the env notes): no sandbox as root, no GPU, and none of the
 * background connections Chromium makes at start, which the closed network refuses.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_FLAGS });
}

export interface WebSystem extends TestSystem {
  /** http://localhost:<port>, the origin the gateway allows for cookie writes. */
  origin: string;
}

/**
 * The whole system with the gateway serving the built web app (web/dist, from `npm run build`)
 * on a port of its own, so its origin is the one the browser sends.
 */
export async function startWebSystem(): Promise<WebSystem> {
  if (!existsSync(join(ROOT, 'web/dist/index.html'))) throw new Error('web/dist is missing: run `npm run build` first');
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const sys = await startSystem({
    gateway: { PORT: String(port), HOST: '127.0.0.1', ALLOWED_ORIGINS: origin, WEB_APP: 'true' },
  });
  return Object.assign(sys, { origin });
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP violations seen so far: a page that breaks the CSP fails its test. */
  problems: string[];
}

export interface TabOptions {
  /** Extra headers on every request, e.g. `x-forwarded-for: freshIp()` for a rate-limit bucket of its own. */
  headers?: Record<string, string>;
}

/** A fresh browser context (its own cookies) and page at a viewport width, recording problems. */
export async function openTab(browser: Browser, origin: string, width = 1440, options: TabOptions = {}): Promise<Tab> {
  const context = await browser.newContext({
    baseURL: origin,
    viewport: { width, height: width < 600 ? 812 : 900 },
    locale: 'en-GB',
    ...(options.headers ? { extraHTTPHeaders: options.headers } : {}),
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    // A failed request already shows in the UI under test; what matters here is script trouble.
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return { context, page, problems };
}

/** axe on the page as it stands: no serious or critical violation (their summaries otherwise). */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A full-page screenshot under web-results/screenshots/ (ignored by git). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(RESULTS, 'screenshots');
  await mkdir(dir, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  const path = join(dir, `${name}-${width}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
