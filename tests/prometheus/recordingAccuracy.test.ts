/**
 * @jest-environment node
 *
 * The recorded long windows against the exact counts: four days of demo traffic, the recording
 * rules evaluated over it by promtool, and the 1d and 3d windows compared every two hours of the
 * last day. scripts/measure-recording-accuracy.ts does the same over 35 days (docs/prometheus.md).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { measureRecordingAccuracy, summarize, type Comparison } from '../../scripts/recordingAccuracy';
import { promtoolBinary } from '../../scripts/traffic/backfill';
import { DAY, HOUR } from '../../scripts/traffic/generate';
import { prometheusBinary } from '../../scripts/traffic/prometheus';

// A guard against a hung promtool or Prometheus, not a speed test: ~25 s alone, but over 90 s on
// a CI machine whose two cores also run the other suites.
jest.setTimeout(300_000);

const END = Date.UTC(2025, 2, 3, 17, 0);
const BUDGET = 0.001;
let dataDir = '';
let comparisons: Comparison[] = [];

beforeAll(async () => {
  for (const binary of [promtoolBinary(), prometheusBinary()]) {
    if (!existsSync(binary)) {
      throw new Error(`${binary} is missing: apt-get install -y prometheus (or set PROMTOOL_BIN / PROMETHEUS_BIN)`);
    }
  }
  dataDir = mkdtempSync(join(tmpdir(), 'nines-recording-accuracy-'));
  comparisons = await measureRecordingAccuracy({
    dataDir,
    days: 4,
    end: END,
    seed: 4242,
    sloWindow: '3d',
    windows: ['1d', '3d'],
    // The fast burn, the slow burn, and good events from a histogram.
    slos: ['checkout-availability', 'search-availability', 'checkout-latency'],
    checkEvery: 2 * HOUR,
    checkSpan: DAY - 3 * HOUR,
  });
});

afterAll(() => {
  if (dataDir !== '') {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

describe('recorded windows against the ground truth', () => {
  it('compares every SLO and window at every time, with incidents inside the windows', () => {
    expect(comparisons).toHaveLength(11 * 3 * 2);
    const burnRates = comparisons.map((comparison) => comparison.truth.bad / comparison.truth.total / BUDGET);
    expect(Math.max(...burnRates)).toBeGreaterThan(2);
  });

  it('records error ratios within 1% of the truth (median), one burn rate off at worst', () => {
    for (const summary of summarize(comparisons, BUDGET)) {
      expect(summary.ratio.median).toBeLessThan(0.01);
      expect(summary.burnRate.median).toBeLessThan(0.05);
      // At worst when the checkout incident (0.2 burn rate per minute of a day) crosses the
      // window's start: built windows lag 2 to 4 minutes (evaluation offsets included).
      expect(summary.burnRate.max).toBeLessThan(1);
      // Events in scrape gaps longer than 5 minutes are lost to every 5m increase.
      expect(summary.total.median).toBeLessThan(0.01);
      expect(summary.total.max).toBeLessThan(0.02);
    }
  });

  it('agrees with the raw increase over the whole window (median)', () => {
    for (const window of ['1d', '3d']) {
      const differences = comparisons
        .filter((comparison) => comparison.window === window)
        .map((comparison) => Math.abs(comparison.recorded.ratio - comparison.raw.ratio) / BUDGET)
        .sort((a, b) => a - b);
      expect(differences[Math.floor(differences.length / 2)]).toBeLessThan(0.05);
    }
  });
});
