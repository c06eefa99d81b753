/**
 * Imports the example SLOs into a Grafana as library panels through its HTTP API, skipping the ones
 * that exist (by uid). Waits first for Grafana to answer /api/health and for the SLOs' folders,
 * which Grafana's dashboard provisioning creates while it starts.
 */
import type { LibraryPanelBody } from '../../src/spec/libraryPanelModel';

export interface SeedOptions {
  /** Grafana's root URL, e.g. http://grafana:3000. */
  grafana: string;
  elements: LibraryPanelBody[];
  /** Basic auth; none sends no Authorization header. */
  auth?: { user: string; password: string };
  waitMs?: number;
  pollMs?: number;
  log?: (line: string) => void;
}

export interface SeedResult {
  created: string[];
  existing: string[];
}

const delay = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

export async function seedSlos(options: SeedOptions): Promise<SeedResult> {
  const base = options.grafana.replace(/\/$/, '');
  const log = options.log ?? (() => undefined);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (options.auth) {
    const credentials = Buffer.from(`${options.auth.user}:${options.auth.password}`).toString('base64');
    headers.Authorization = `Basic ${credentials}`;
  }
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });

  const deadline = Date.now() + (options.waitMs ?? 180_000);
  const until = async (what: string, ready: () => Promise<boolean>) => {
    while (!(await ready().catch(() => false))) {
      if (Date.now() > deadline) {
        throw new Error(`gave up waiting for ${what} at ${base}`);
      }
      await delay(options.pollMs ?? 2000);
    }
  };
  await until('Grafana to answer /api/health', async () => (await fetch(`${base}/api/health`)).ok);
  const folders = [...new Set(options.elements.map((element) => element.folderUid).filter((uid) => uid !== ''))];
  for (const folder of folders) {
    await until(`folder ${folder}`, async () => (await call('GET', `/api/folders/${encodeURIComponent(folder)}`)).ok);
  }

  const result: SeedResult = { created: [], existing: [] };
  for (const element of options.elements) {
    const path = `/api/library-elements/${encodeURIComponent(element.uid)}`;
    const existing = await call('GET', path);
    if (existing.ok) {
      result.existing.push(element.uid);
      log(`${element.uid}: exists, left as it is`);
      continue;
    }
    if (existing.status !== 404) {
      throw new Error(`GET ${path}: ${existing.status} ${await existing.text()}`);
    }
    const response = await call('POST', '/api/library-elements', element);
    if (!response.ok) {
      throw new Error(`POST /api/library-elements (${element.uid}): ${response.status} ${await response.text()}`);
    }
    result.created.push(element.uid);
    log(`${element.uid}: created "${element.name}"`);
  }
  return result;
}
