import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';
// The page's window.__ninesTestHost, for tests that call page.evaluate on it.
import type {} from '../../host/page/dashboard/testHooks';
import { E2E_ENV } from '../env';

export type HostUser = 'admin' | 'editor' | 'viewer';
export type Theme = 'light' | 'dark';

/** Every screenshot has this size, so that docs/screenshots/ only changes when the page does. */
export const VIEWPORT = { width: 1280, height: 800 };
export const SCREENSHOT_DIR = path.resolve(__dirname, '../../../docs/screenshots');

function env(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the browser tests with npm run e2e`);
  }
  return value;
}

export function hostUrl(): string {
  return env(E2E_ENV.hostUrl);
}

/** The end of the demo traffic (epoch ms): the pages' "now". */
export function trafficEnd(): number {
  return Number(env(E2E_ENV.now));
}

/**
 * `from=…&to=…` for the last `days` of the demo traffic as absolute times. Screenshots use it: a
 * relative `now` moves by the time a page takes to load, and so do the panels' numbers.
 */
export function lastDays(days: number): string {
  const to = trafficEnd();
  return `from=${to - days * 86_400_000}&to=${to}`;
}

/** Connects to the Chromium that the runner started (one per run; a context per page). */
export function connectBrowser(): Promise<Browser> {
  return chromium.connect(env(E2E_ENV.browserWs));
}

/** Connects before a test file's tests and disconnects after them; call at the file's top level. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) {
      throw new Error('no browser yet: useBrowser() connects in beforeAll');
    }
    return browser;
  };
}

export interface OpenPageOptions {
  user?: HostUser;
  theme?: Theme;
  /** Console errors a test expects (e.g. a query it breaks on purpose); all others fail it. */
  allowErrors?: RegExp[];
}

export interface HostPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors so far, with where they came from. */
  errors: string[];
  /** `METHOD /path` of every request the page made, from its first one. */
  requests: string[];
  /** Throws with every console error or page error seen so far. */
  expectNoErrors(): void;
  /** Waits until no panel on the page is loading its plugin or its data. */
  waitForPanels(): Promise<void>;
  byTestId(id: string): Locator;
  /** Writes docs/screenshots/<name>.png: the 1280×800 viewport, or the whole page 1280 wide. */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<string>;
  /** Runs axe-core on the page; throws listing serious and critical violations. */
  expectAccessible(options?: { exclude?: string[] }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens a host page as `user` in `theme`, with the browser's clock at the end of the demo
 * traffic (so `now-30d` covers the backfill) and console errors collected.
 */
export async function openPage(browser: Browser, urlPath: string, options: OpenPageOptions = {}): Promise<HostPage> {
  const { user = 'admin', theme = 'dark', allowErrors = [] } = options;
  const baseURL = hostUrl();
  const context = await browser.newContext({
    baseURL,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    colorScheme: theme,
    locale: 'en-US',
    timezoneId: 'UTC',
    reducedMotion: 'reduce',
  });
  await context.addCookies([{ name: 'nines_host_user', value: user, url: baseURL }]);
  const page = await context.newPage();
  await page.clock.install({ time: trafficEnd() });

  const errors: string[] = [];
  const requests: string[] = [];
  page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`));
  const allowed = (text: string) => allowErrors.some((pattern) => pattern.test(text));
  page.on('console', (message) => {
    if (message.type() === 'error' && !allowed(message.text())) {
      const { url, lineNumber } = message.location();
      errors.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => {
    if (!allowed(error.message)) {
      errors.push(`page error: ${error.stack ?? error.message}`);
    }
  });

  const url = new URL(urlPath, baseURL);
  url.searchParams.set('theme', theme);
  await page.goto(url.pathname + url.search);
  await page.getByTestId('host user').waitFor();

  const host: HostPage = {
    page,
    context,
    errors,
    requests,
    expectNoErrors() {
      if (errors.length > 0) {
        throw new Error(`${errors.length} error(s) on ${urlPath}:\n${errors.join('\n')}`);
      }
    },
    async waitForPanels() {
      await page.waitForFunction(() => {
        const panels = [...document.querySelectorAll('[data-panel-state]')];
        const busy = ['loading', 'NotStarted', 'Loading'];
        return (
          panels.length > 0 && panels.every((panel) => !busy.includes(panel.getAttribute('data-panel-state') ?? ''))
        );
      });
    },
    byTestId(id: string) {
      return page.getByTestId(id);
    },
    async screenshot(name: string, { fullPage = false } = {}) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      // Let fonts and the last layout settle so the image does not catch a half-drawn frame.
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.screenshot({ path: file, fullPage, animations: 'disabled', caret: 'hide' });
      return file;
    },
    async expectAccessible({ exclude = [] } = {}) {
      await expectAccessible(page, exclude, urlPath);
    },
    async close() {
      await context.close();
    },
  };
  return host;
}

/** Opens a page, runs `body`, fails on any console or page error, and always closes the page. */
export async function withPage(
  browser: Browser,
  urlPath: string,
  options: OpenPageOptions,
  body: (host: HostPage) => Promise<void>
): Promise<void> {
  const host = await openPage(browser, urlPath, options);
  try {
    await body(host);
    host.expectNoErrors();
  } finally {
    await host.close();
  }
}

declare global {
  interface Window {
    axe?: { run(context: ElementContext, options: RunOptions): Promise<AxeResults> };
  }
}

interface Violation {
  id: string;
  impact?: string;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string; summary: string }>;
}

async function expectAccessible(page: Page, exclude: string[], where: string): Promise<void> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations: Violation[] = await page.evaluate(async (excluded) => {
    if (!window.axe) {
      throw new Error('axe-core did not load');
    }
    const context: ElementContext =
      excluded.length > 0 ? { exclude: excluded.map((selector) => [selector]) } : document;
    const results = await window.axe.run(context, { resultTypes: ['violations'] });
    // Only plain data crosses back to the test.
    return results.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact: impact ?? undefined,
      help,
      helpUrl,
      nodes: nodes.map((node) => ({ target: JSON.stringify(node.target), summary: node.failureSummary ?? '' })),
    }));
  }, exclude);
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  if (serious.length > 0) {
    const lines = serious.map(
      (violation) =>
        `- ${violation.impact} ${violation.id}: ${violation.help} (${violation.helpUrl})\n` +
        violation.nodes
          .slice(0, 5)
          .map((node) => `    ${node.target}: ${node.summary.split('\n').join(' ')}`)
          .join('\n')
    );
    throw new Error(`axe: ${serious.length} serious or critical violation(s) on ${where}:\n${lines.join('\n')}`);
  }
}
