/**
 * The overview benchmark: N SLOs (bench/overviewSlos.ts) held by the test host, the overview page
 * opened in Chromium as a Viewer against a real Prometheus on the demo traffic, batched (the
 * page's default) and unbatched (`batch=1`, one request per SLO: the baseline) in the same run.
 * Per load it counts the /api/ds/query requests and their response bytes, the time from the first
 * ds/query request to the frame after the view says it is done (`data-done="true"`), and the
 * main thread's long tasks. Target (issue 7): 200 SLOs drawn within 2 s, no task over 200 ms.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

import { backfill, DEFAULT_DATA_DIR, hasBackfill, readTrafficIndex } from '../scripts/traffic/backfill';
import { startPrometheus, type RunningPrometheus } from '../scripts/traffic/prometheus';
import { testIds } from '../src/components/testIds';
import { createHostServer, type HostServer } from '../tests/host/server';
import { CHROMIUM_ARGS } from '../tests/e2e/env';
import {
  figuresOf,
  formatMs,
  medianFigures,
  type LoadFigures,
  type PageRecord,
  type WorkloadResult,
} from './overviewReport';
import { benchLibraryElements } from './overviewSlos';
import { replayOnPrometheus } from './prometheusReplay';
import { newestMtime } from '../tests/e2e/newestMtime';

const ROOT = process.cwd();
const BUILD_DIR = path.join(ROOT, 'bench/.build');
const OVERVIEW_PATH = '/a/nines-slo-app/overview';
/** The page's requests in flight at once (src/components/overview/useOverviewTiles.ts), for the replay. */
const REQUESTS_IN_FLIGHT = 4;

export interface OverviewBenchOptions {
  /** SLO counts, one workload each. */
  sizes: number[];
  /** Measured loads per workload and mode (after one warm-up); the median is reported. */
  runs: number;
  /** Longest wait for one load to be done. */
  loadTimeoutMs: number;
  log: (line: string) => void;
}

interface InitArgs {
  now: number;
  viewTestId: string;
}

/**
 * Runs in the page before any of its scripts: shifts `Date` to the end of the demo traffic (the
 * page's "now", as the browser tests have it) without faking timers or `performance.now`, and
 * records long tasks, ds/query timings and the moment the view is done. Self-contained: it is
 * serialised into the page.
 */
export function pageInit(args: InitArgs): void {
  const NativeDate = Date;
  const offset = args.now - NativeDate.now();
  class ShiftedDate extends NativeDate {
    constructor(...parts: ConstructorParameters<DateConstructor> | []) {
      if (parts.length === 0) {
        super(NativeDate.now() + offset);
      } else {
        super(...(parts as ConstructorParameters<DateConstructor>));
      }
    }
    static now(): number {
      return NativeDate.now() + offset;
    }
  }
  Object.defineProperty(window, 'Date', { value: ShiftedDate, writable: true, configurable: true });

  const record: PageRecord = { longTasks: [], queries: [], listStart: null, doneAt: null, drawnAt: null };
  Reflect.set(window, '__ninesBench', record);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      record.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
  // An observer, not performance.getEntries(): the timeline buffer stops at 250 resources.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!(entry instanceof PerformanceResourceTiming)) {
        continue;
      }
      if (entry.name.includes('/api/library-elements') && record.listStart === null) {
        record.listStart = entry.startTime;
      }
      if (entry.name.includes('/api/ds/query')) {
        record.queries.push({
          start: entry.startTime,
          requestStart: entry.requestStart,
          responseStart: entry.responseStart,
          end: entry.responseEnd,
          bytes: entry.encodedBodySize,
        });
      }
    }
  }).observe({ type: 'resource', buffered: true });
  // Only changes of these attributes wake this observer, so it costs the page nothing while it draws.
  const watch = new MutationObserver(() => {
    if (record.doneAt === null && viewDone(args.viewTestId)) {
      record.doneAt = performance.now();
      requestAnimationFrame(() => {
        record.drawnAt = performance.now();
      });
      watch.disconnect();
    }
  });
  watch.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-done', 'data-requests'] });
  Reflect.set(window, '__ninesBenchViewDone', viewDone);

  // Done after at least one request: not the moment before the SLOs are listed.
  function viewDone(testId: string): boolean {
    const view = document.querySelector(`[data-testid="${testId}"]`);
    return view?.getAttribute('data-done') === 'true' && Number(view.getAttribute('data-requests')) > 0;
  }
}

/**
 * Waits for the observer's "drawn" moment. Should the view appear already done (no attribute
 * change to observe), the poll takes its place, 100 ms coarse at worst.
 */
function waitUntilDrawn(testId: string): boolean {
  const record: PageRecord = Reflect.get(window, '__ninesBench');
  const viewDone: (id: string) => boolean = Reflect.get(window, '__ninesBenchViewDone');
  if (record.doneAt === null && viewDone(testId)) {
    record.doneAt = performance.now();
    record.drawnAt = record.doneAt;
    record.polled = true;
  }
  return record.drawnAt !== null;
}

async function measureLoad(
  browser: Browser,
  baseUrl: string,
  now: number,
  batch: number | null,
  timeoutMs: number
): Promise<{ figures: LoadFigures; bodies: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'UTC',
    reducedMotion: 'reduce',
  });
  try {
    await context.addCookies([{ name: 'nines_host_user', value: 'viewer', url: baseUrl }]);
    await context.addInitScript(pageInit, { now, viewTestId: testIds.overview.view });
    const page = await context.newPage();
    let failedRequests = 0;
    let consoleErrors = 0;
    const bodies: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/ds/query') {
        bodies.push(request.postData() ?? '');
      }
    });
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/ds/query' && response.status() !== 200) {
        failedRequests++;
      }
    });
    page.on('console', (message) => {
      if (message.type() === 'error') {
        consoleErrors++;
      }
    });
    page.on('pageerror', () => consoleErrors++);

    await page.goto(batch === null ? OVERVIEW_PATH : `${OVERVIEW_PATH}?batch=${batch}`);
    await page.waitForFunction(waitUntilDrawn, testIds.overview.view, { timeout: timeoutMs, polling: 100 });
    const view = page.getByTestId(testIds.overview.view);
    // The last resource entries are delivered to the observer a task later than the answer.
    await page.waitForTimeout(100);
    const record: PageRecord = await page.evaluate(() => Reflect.get(window, '__ninesBench'));
    const viewSlos = Number(await view.getAttribute('data-slos'));
    const viewRequests = Number(await view.getAttribute('data-requests'));
    return { figures: figuresOf(record, { failedRequests, consoleErrors, viewSlos, viewRequests }), bodies };
  } finally {
    await context.close();
  }
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
}

/** dist/ and the host page as the browser tests need them; a stale dist/ is built again. */
function ensureBuilt(log: (line: string) => void): void {
  const moduleFile = path.join(ROOT, 'dist/module.js');
  if (!existsSync(moduleFile) || process.env.BENCH_BUILD === '1') {
    log('building the plugin (npm run build)');
    run('npm', ['run', 'build']);
  } else if (newestMtime(path.join(ROOT, 'src')) > statSync(moduleFile).mtimeMs) {
    log('warning: src/ is newer than dist/: measuring the last build (BENCH_BUILD=1 builds first)');
  }
  if (!existsSync(path.join(ROOT, 'tests/host/.build/build.json'))) {
    log('building the host page');
    run(process.execPath, ['tests/host/page/build.mjs']);
  }
}

/**
 * A copy of the demo traffic's TSDB for this run's own Prometheus: the browser tests may hold the
 * lock on the original at the same time.
 */
async function benchData(log: (line: string) => void): Promise<{ dataDir: string; now: number }> {
  const source = process.env.E2E_DATA_DIR ?? DEFAULT_DATA_DIR;
  if (!hasBackfill(source)) {
    log(`no demo traffic in ${source}: backfilling (about a minute)`);
    await backfill({ dataDir: source, log });
  }
  const dataDir = path.join(BUILD_DIR, 'data');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  cpSync(path.join(source, 'prometheus'), path.join(dataDir, 'prometheus'), {
    recursive: true,
    filter: (file) => path.basename(file) !== 'lock',
  });
  cpSync(path.join(source, 'traffic.json'), path.join(dataDir, 'traffic.json'));
  return { dataDir, now: readTrafficIndex(dataDir).end };
}

/** The demo's provisioning without its example SLOs: the page shows exactly the benchmark's. */
function benchProvisioning(): string {
  const target = path.join(BUILD_DIR, 'provisioning');
  rmSync(target, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'provisioning'), target, { recursive: true });
  rmSync(path.join(target, 'slos'), { recursive: true, force: true });
  return target;
}

/** Runs every workload; returns the results (also written to bench/.build/overview-results.json). */
export async function runOverviewBench(options: OverviewBenchOptions): Promise<WorkloadResult[]> {
  const { log } = options;
  ensureBuilt(log);
  mkdirSync(BUILD_DIR, { recursive: true });
  const { dataDir, now } = await benchData(log);
  const provisioningDir = benchProvisioning();

  let prometheus: RunningPrometheus | undefined;
  let browser: Browser | undefined;
  let server: HostServer | undefined;
  const stopAll = async () => {
    await Promise.allSettled([server?.close(), browser?.close(), prometheus?.stop()]);
  };
  const results: WorkloadResult[] = [];
  try {
    [prometheus, browser] = await Promise.all([
      startPrometheus({ dataDir, port: 0 }),
      chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS }),
    ]);
    for (const size of options.sizes) {
      const elementsFile = path.join(BUILD_DIR, `overview-slos-${size}.json`);
      writeFileSync(elementsFile, JSON.stringify(benchLibraryElements(size)));
      server = await createHostServer({
        port: 0,
        prometheusUrl: prometheus.url,
        now: () => now,
        provisioningDir,
        libraryElementsFile: elementsFile,
      });
      const load = (batch: number | null) => measureLoad(browser!, server!.url, now, batch, options.loadTimeoutMs);
      log(`${size} SLOs: warm-up`);
      await load(null);
      await load(1);
      const batched: LoadFigures[] = [];
      const baseline: LoadFigures[] = [];
      const bodies = { batched: [] as string[], baseline: [] as string[] };
      // Alternating, so that a slower minute of the shared machine hits both modes alike.
      for (let runIndex = 0; runIndex < options.runs; runIndex++) {
        const batchedLoad = await load(null);
        const baselineLoad = await load(1);
        batched.push(batchedLoad.figures);
        baseline.push(baselineLoad.figures);
        bodies.batched = batchedLoad.bodies;
        bodies.baseline = baselineLoad.bodies;
        log(
          `${size} SLOs: run ${runIndex + 1}/${options.runs}: batched ${formatMs(batchedLoad.figures.timeMs)}, ` +
            `batch=1 ${formatMs(baselineLoad.figures.timeMs)}`
        );
      }
      const merged = { batched: medianFigures(batched), baseline: medianFigures(baseline) };
      merged.batched.prometheusMs = (await replayOnPrometheus(prometheus.url, bodies.batched, REQUESTS_IN_FLIGHT)).ms;
      merged.baseline.prometheusMs = (await replayOnPrometheus(prometheus.url, bodies.baseline, REQUESTS_IN_FLIGHT)).ms;
      for (const figures of [...batched, ...baseline]) {
        if (figures.viewSlos !== size || figures.failedRequests > 0 || figures.consoleErrors > 0 || figures.polled) {
          log(
            `warning: ${size} SLOs: the view evaluated ${figures.viewSlos} SLOs, ${figures.failedRequests} ` +
              `ds/query request(s) failed, ${figures.consoleErrors} console error(s)` +
              (figures.polled ? ', done timed by the poll' : '')
          );
        }
      }
      for (const request of server.requests.filter((recorded) => recorded.validationError)) {
        log(`host API contract: ${request.method} ${request.path} ${request.status}: ${request.validationError}`);
      }
      results.push({ slos: size, ...merged });
      await server.close();
      server = undefined;
    }
  } finally {
    await stopAll();
  }
  writeFileSync(
    path.join(BUILD_DIR, 'overview-results.json'),
    JSON.stringify({ date: new Date().toISOString(), cpus: os.cpus().length, runs: options.runs, results }, null, 2)
  );
  return results;
}
