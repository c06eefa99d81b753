/** What the runner (run.ts) hands the browser tests, and how it starts Chromium. */

export const E2E_ENV = {
  /** The host server's origin, e.g. http://127.0.0.1:41233. */
  hostUrl: 'E2E_HOST_URL',
  /** The Playwright browser server to connect to. */
  browserWs: 'E2E_BROWSER_WS',
  /** Epoch ms the pages take for "now": the end of the backfilled demo traffic. */
  now: 'E2E_NOW',
} as const;

/**
 * Debian's Chromium as root, offline (NOTES.md): without these it asks for a sandbox it cannot
 * have and keeps trying to reach the network.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Same text rendering on every machine, for screenshots.
  '--font-render-hinting=none',
  '--disable-lcd-text',
];
