/**
 * @jest-environment node
 *
 * Acceptance of `nines eval`: three days of the demo traffic backfilled into the real Prometheus,
 * the checkout availability SLO evaluated through Prometheus' HTTP API, and its numbers compared
 * with the generator's exact ground truth. CI installs Debian's prometheus package; nothing is skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

import { evaluateAgainstPrometheus } from '../../src/cli/evaluateAgainst';
import { loadSloFile } from '../../src/cli/sloFiles';
import type { SloEvaluation } from '../../src/engine';
import { backfill } from '../../scripts/traffic/backfill';
import { DAY, eventCounts, HOUR, MINUTE, selectSeries, Traffic, METRICS } from '../../scripts/traffic/generate';
import { freePort, RunningPrometheus, startPrometheus } from '../../scripts/traffic/prometheus';
import { runCli } from './cliHarness';

// Real promtool and Prometheus processes: a guard against a hang, generous for a loaded CI machine.
jest.setTimeout(180_000);

const END = Date.UTC(2025, 2, 3, 17, 0);
const WINDOW = '2d';
const WINDOW_MS = 2 * DAY;
const TARGET = 0.999;
/** Burn-rate windows that lie within the three backfilled days, with their lengths. */
const BURN_WINDOWS: Record<string, number> = {
  '5m': 5 * MINUTE,
  '30m': 30 * MINUTE,
  '1h': HOUR,
  '2h': 2 * HOUR,
  '6h': 6 * HOUR,
  '1d': DAY,
  [WINDOW]: WINDOW_MS,
};

function checkoutSlo(badQuery: string): string {
  return `# The demo's checkout availability: 5xx responses are bad.
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
  displayName: Checkout availability
spec:
  service: checkout
  indicator:
    metadata:
      name: checkout-errors
    spec:
      ratioMetric:
        counter: true
        bad:
          metricSource:
            type: Prometheus
            spec:
              query: ${badQuery}
        total:
          metricSource:
            type: Prometheus
            spec:
              query: nines_demo_http_requests_total{service="checkout"}
  timeWindow:
    - duration: ${WINDOW}
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: ${TARGET}
`;
}

/**
 * Runs package.json's build:cli with the output in the temporary directory, so the test checks the
 * real script (shebang, bundle, chmod) without writing into the repository.
 */
function buildCli(): string {
  const scripts: unknown = JSON.parse(readFileSync('package.json', 'utf8')).scripts;
  const script = typeof scripts === 'object' && scripts !== null ? Reflect.get(scripts, 'build:cli') : undefined;
  if (typeof script !== 'string' || !script.includes('dist-cli/nines.mjs')) {
    throw new Error(`package.json: build:cli should write dist-cli/nines.mjs, got ${JSON.stringify(script)}`);
  }
  const bundle = join(dataDir, 'dist-cli', 'nines.mjs');
  // As npm would run it: with the project's binaries (esbuild) on the PATH.
  const env = { ...process.env, PATH: `${resolve('node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}` };
  const build = spawnSync('sh', ['-c', script.replaceAll('dist-cli/nines.mjs', bundle)], { encoding: 'utf8', env });
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
  return bundle;
}

let dataDir = '';
let sloPath = '';
let traffic: Traffic;
let prometheus: RunningPrometheus | null = null;
/** The evaluation time: every checkout target was scraped at it and at the start of each window. */
let at = 0;

function prometheusUrl(): string {
  if (prometheus === null) {
    throw new Error('Prometheus did not start');
  }
  return prometheus.url;
}

/** A counter read at a time its target was not scraped counts the gap's events late; pick a time without. */
function scrapedEverywhere(time: number): boolean {
  const k = (time - traffic.index.start) / MINUTE;
  return selectSeries(traffic, METRICS.requests, { service: 'checkout' }).every((series) => series.scraped[k] === 1);
}

function groundTruth(windowMs: number) {
  return eventCounts(traffic, 'checkout', at - windowMs, at);
}

/** The bad-event ratio over the window as a multiple of the allowed one, from the ground truth. */
function burnRateTruth(windowMs: number): number {
  const { bad, total } = groundTruth(windowMs);
  return bad / total / (1 - TARGET);
}

function expectGroundTruth(evaluation: SloEvaluation): void {
  const truth = groundTruth(WINDOW_MS);
  expect(evaluation.events).toEqual(truth);
  const sli = truth.good / truth.total;
  expect(Math.abs((evaluation.sli ?? NaN) - sli)).toBeLessThanOrEqual(0.001 * sli);
  const remaining = 1 - truth.bad / ((1 - TARGET) * truth.total);
  expect(Math.abs((evaluation.errorBudget.remaining ?? NaN) - remaining)).toBeLessThanOrEqual(0.001);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'nines-cli-eval-'));
  const result = await backfill({ dataDir, days: 3, end: END });
  traffic = result.traffic;
  prometheus = await startPrometheus({ dataDir, port: 0 });
  sloPath = join(dataDir, 'checkout.yaml');
  writeFileSync(sloPath, checkoutSlo('nines_demo_http_requests_total{service="checkout",code=~"5.."}'));
  at = END;
  while (![0, ...Object.values(BURN_WINDOWS)].every((length) => scrapedEverywhere(at - length))) {
    at -= MINUTE;
  }
});

afterAll(async () => {
  await prometheus?.stop();
  if (dataDir !== '') {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

describe('nines eval against the real Prometheus', () => {
  it('counts exactly the ground truth events of the checkout SLO (the built bundle, --json)', () => {
    const bundle = buildCli();
    const run = spawnSync(
      bundle,
      ['eval', sloPath, '--prometheus', prometheusUrl(), '--at', new Date(at).toISOString(), '--json'],
      { encoding: 'utf8' }
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [answer] = JSON.parse(run.stdout);
    expect(answer).toMatchObject({
      file: sloPath,
      uid: 'checkout-availability',
      service: 'checkout',
      queries: {
        event: 'nines_demo_http_requests_total{service="checkout",code=~"5.."}',
        total: 'nines_demo_http_requests_total{service="checkout"}',
      },
      series: { event: 4, total: 8 },
    });
    const evaluation: SloEvaluation = answer.evaluation;
    expect(evaluation.window).toMatchObject({ start: at - WINDOW_MS, end: at, key: WINDOW });
    expectGroundTruth(evaluation);
    // The fast burn of the demo (15% errors for 40 minutes) lies in the window: budget was spent.
    expect(evaluation.errorBudget.remaining).toBeLessThan(0.9);
    for (const [key, length] of Object.entries(BURN_WINDOWS)) {
      expect([key, evaluation.burnRate[key]]).toEqual([key, expect.closeTo(burnRateTruth(length), 9)]);
    }
    for (const alert of evaluation.alerts.filter((tier) => tier.longWindow in BURN_WINDOWS)) {
      const firing =
        burnRateTruth(BURN_WINDOWS[alert.longWindow]) > alert.factor &&
        burnRateTruth(BURN_WINDOWS[alert.shortWindow]) > alert.factor;
      expect([alert.longWindow, alert.firing]).toEqual([alert.longWindow, firing]);
    }
    expect(evaluation.coverage).toBeGreaterThan(0.99);
  });

  it('reads the same events in chunks of any size, and --at in epoch seconds', async () => {
    const [slo] = loadSloFile(sloPath, checkoutSlo('nines_demo_http_requests_total{service="checkout",code=~"5.."}'), {
      datasource: { uid: 'prometheus', type: 'prometheus' },
    }).slos;
    const progress: string[] = [];
    const result = await evaluateAgainstPrometheus({
      slo,
      at,
      step: MINUTE,
      prometheusUrl: prometheusUrl(),
      fetch: (url, init) => fetch(url, init),
      // 2d + 3d of tier look-back at 1m is 7,201 points: 8 chunks, the last one short.
      maxPointsPerSeries: 997,
      progress: (done, total) => progress.push(`${done}/${total}`),
    });
    if (!result.ok) {
      throw new Error(result.message);
    }
    expect(result.range.chunks).toBe(8);
    expect(progress).toEqual(['1/8', '2/8', '3/8', '4/8', '5/8', '6/8', '7/8', '8/8']);
    expectGroundTruth(result.evaluation);

    const run = await runCli(['eval', sloPath, '--prometheus', `${prometheusUrl()}/`, '--at', String(at / 1000)]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const truth = groundTruth(WINDOW_MS);
    expect(run.stdout).toContain(
      `checkout-availability "Checkout availability" (service checkout) at ${new Date(at).toISOString()}\n`
    );
    expect(run.stdout).toContain(`  events        good ${truth.good}, bad ${truth.bad}, total ${truth.total}\n`);
    expect(run.stdout).toContain(`  SLI           ${((truth.good / truth.total) * 100).toFixed(4)}%\n`);
    expect(run.stdout).toMatch(/ {2}error budget {2}-?\d+\.\d% remaining /);
    expect(run.stdout).toMatch(/ {2}burn rate {5}5m \d+\.\d\d {2}30m /);
    expect(run.stdout).toMatch(/ {2}firing {8}/);
  });

  it('exits 1 with the query when Prometheus rejects it', async () => {
    const badRegex = join(dataDir, 'bad-regex.yaml');
    writeFileSync(badRegex, checkoutSlo('nines_demo_http_requests_total{service="checkout",code=~"5.("}'));
    const run = await runCli(['eval', badRegex, '--prometheus', prometheusUrl(), '--at', String(at)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(
        `^${badRegex}: checkout-availability: Prometheus at ${prometheusUrl()} answered bad_data, HTTP 400 Bad Request ` +
          'to query_range of nines_demo_http_requests_total\\{service="checkout",code=~"5\\.\\("\\}: .*regexp'
      )
    );
  });

  it('exits 2 when nothing listens at the URL', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const run = await runCli(['eval', sloPath, '--prometheus', url]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${sloPath}: checkout-availability: cannot reach Prometheus at ${url}: ECONNREFUSED\n`);
  });
});
