/**
 * @jest-environment node
 *
 * Backfills a day into a temporary directory with the real promtool and queries the real
 * Prometheus. Nothing is skipped: CI installs Debian's prometheus package, so a missing binary fails.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  backfill,
  BackfillResult,
  loadTraffic,
  promtoolBinary,
  readTrafficIndex,
} from '../../scripts/traffic/backfill';
import { eventCounts, generateTraffic, isGoodCode, METRICS, MINUTE } from '../../scripts/traffic/generate';
import { prometheusBinary, RunningPrometheus, startPrometheus } from '../../scripts/traffic/prometheus';
import { prometheusQuery, resetAwareIncrease, verifyPrometheus } from '../../scripts/traffic/verify';

// Real promtool and Prometheus processes: a guard against a hang, generous for a loaded CI machine.
jest.setTimeout(180_000);

const END = Date.UTC(2025, 2, 3, 17, 0);
let dataDir = '';
let result: BackfillResult;
let prometheus: RunningPrometheus | null = null;

beforeAll(async () => {
  for (const binary of [promtoolBinary(), prometheusBinary()]) {
    if (!existsSync(binary)) {
      throw new Error(`${binary} is missing: apt-get install -y prometheus (or set PROMTOOL_BIN / PROMETHEUS_BIN)`);
    }
  }
  dataDir = mkdtempSync(join(tmpdir(), 'nines-traffic-'));
  // A first backfill whose blocks the second one must replace.
  const old = await backfill({ dataDir, days: 1, end: END - 3 * 24 * 60 * MINUTE, seed: 1 });
  result = await backfill({ dataDir, days: 1, end: END, seed: 4242 });
  expect(old.blocks.length).toBeGreaterThan(0);
  const blocks = readdirSync(result.tsdbPath).filter((entry) => existsSync(join(result.tsdbPath, entry, 'meta.json')));
  expect(blocks.sort()).toEqual(result.blocks.map((block) => block.ulid).sort());
  expect(blocks.some((ulid) => old.blocks.some((block) => block.ulid === ulid))).toBe(false);
  prometheus = await startPrometheus({ dataDir, port: 0 });
});

afterAll(async () => {
  await prometheus?.stop();
  if (dataDir !== '') {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

describe('backfill and Prometheus', () => {
  it('imports every sample into blocks that span the data', () => {
    const { index, blocks, samples } = result;
    expect(blocks.reduce((total, block) => total + block.numSamples, 0)).toBe(samples);
    expect(Math.min(...blocks.map((block) => block.minTime))).toBe(index.start);
    // A block's maxTime is exclusive.
    expect(Math.max(...blocks.map((block) => block.maxTime))).toBe(index.end + 1);
    expect(existsSync(join(dataDir, 'traffic.om'))).toBe(false);
    // The exactness checks below then cover counter resets and scrape gaps.
    expect(index.restarts.length).toBeGreaterThan(0);
    expect(index.gaps.length).toBeGreaterThan(0);
  });

  it('writes traffic.json from which the ground truth regenerates', () => {
    const index = readTrafficIndex(dataDir);
    expect(index).toEqual(JSON.parse(JSON.stringify(result.index)));
    expect(index).toMatchObject({ seed: 4242, end: END, days: 1 });
    const again = loadTraffic(dataDir);
    expect(again.series.map((series) => Array.from(series.values))).toEqual(
      result.traffic.series.map((series) => Array.from(series.values))
    );
  });

  it('answers raw samples whose reset-aware increments are exactly the good and total events', async () => {
    if (!prometheus) {
      throw new Error('Prometheus did not start');
    }
    const { start, end } = result.index;
    for (const service of ['checkout', 'admin']) {
      const answer = await prometheusQuery(prometheus.url, '/api/v1/query', {
        query: `${METRICS.requests}{service="${service}"}[2d]`,
        time: String(end / 1000),
      });
      expect(answer.length).toBeGreaterThan(0);
      let good = 0;
      let total = 0;
      for (const item of answer) {
        const values = (item.values ?? []).map(([, value]) => Number(value));
        const events = resetAwareIncrease(values);
        total += events;
        good += isGoodCode(item.metric.code) ? events : 0;
      }
      const truth = eventCounts(result.traffic, service, start, end);
      expect({ good, total }).toEqual({ good: truth.good, total: truth.total });
    }
  });

  it('matches the ground truth in every sample and in query_range reads', async () => {
    if (!prometheus) {
      throw new Error('Prometheus did not start');
    }
    const report = await verifyPrometheus(prometheus.url, result.traffic);
    expect(report.samples).toBe(result.samples);
    expect(report.checks.length).toBeGreaterThanOrEqual(3);
  });

  it('notices data that differs from the ground truth', async () => {
    if (!prometheus) {
      throw new Error('Prometheus did not start');
    }
    const other = generateTraffic({ seed: 4243, end: END, days: 1 });
    await expect(verifyPrometheus(prometheus.url, other)).rejects.toThrow(/differs from the ground truth/);
  });

  it('refuses a port that is taken', async () => {
    if (!prometheus) {
      throw new Error('Prometheus did not start');
    }
    const port = Number(new URL(prometheus.url).port);
    await expect(startPrometheus({ dataDir, port })).rejects.toThrow(/cannot listen/);
  });
});
