/**
 * @jest-environment node
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { generateTraffic, HOUR, MINUTE, type Traffic } from '../../scripts/traffic/generate';
import { liveTraffic, type LiveSample } from '../../scripts/traffic/liveTraffic';
import { promtoolBinary } from '../../scripts/traffic/backfill';

const END = Date.UTC(2025, 5, 10, 9, 0);
let traffic: Traffic;

beforeAll(() => {
  traffic = generateTraffic({ seed: 7, end: END, days: 1 });
});

const keyOf = (sample: LiveSample) => `${sample.name}${JSON.stringify(sample.labels)}`;

/** A minimal reader of the text exposition: family headers, then `name{labels} value` lines. */
function parseExposition(text: string): { types: Map<string, string>; samples: Map<string, number> } {
  const types = new Map<string, string>();
  const samples = new Map<string, number>();
  const sampleLine = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (\S+)$/;
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.trimEnd().split('\n')) {
    const type = /^# TYPE (\S+) (counter|histogram)$/.exec(line);
    if (type) {
      types.set(type[1], type[2]);
      continue;
    }
    if (line.startsWith('# HELP ')) {
      continue;
    }
    const match = sampleLine.exec(line);
    if (!match) {
      throw new Error(`not an exposition line: ${line}`);
    }
    const value = Number(match[3]);
    expect(Number.isFinite(value)).toBe(true);
    samples.set(`${match[1]}${match[2] ?? ''}`, value);
  }
  return { types, samples };
}

describe('the live demo traffic', () => {
  it('starts every counter at the value the generator ends it with', () => {
    const samples = liveTraffic(traffic).samples(END);
    const last = traffic.times.length - 1;
    expect(samples).toHaveLength(traffic.series.length);
    for (const series of traffic.series) {
      const sample = samples.find((one) => keyOf(one) === `${series.name}${JSON.stringify(series.labels)}`);
      expect({ series: keyOf(sample ?? { name: '', labels: {}, value: 0 }), value: sample?.value }).toEqual({
        series: `${series.name}${JSON.stringify(series.labels)}`,
        value: series.values[last],
      });
    }
  });

  it('writes the text format with the backfill names, labels and types', () => {
    const live = liveTraffic(traffic);
    const { types, samples } = parseExposition(live.exposition(END + 90_000));
    expect(Object.fromEntries(types)).toEqual({
      nines_demo_http_requests_total: 'counter',
      nines_demo_http_request_duration_seconds: 'histogram',
    });
    expect(samples.size).toBe(traffic.series.length);
    expect(
      samples.has('nines_demo_http_requests_total{service="checkout",instance="checkout-1:8080",code="503"}')
    ).toBe(true);
    expect(
      samples.has(
        'nines_demo_http_request_duration_seconds_bucket{service="checkout",instance="checkout-2:8080",le="+Inf"}'
      )
    ).toBe(true);
  });

  it('passes promtool check metrics when promtool is installed', () => {
    if (!existsSync(promtoolBinary())) {
      return;
    }
    const checked = spawnSync(promtoolBinary(), ['check', 'metrics'], {
      input: liveTraffic(traffic).exposition(END + 5 * MINUTE + 7_000),
      encoding: 'utf8',
    });
    // Lint remarks (e.g. about units) go to stdout with status 3; a parse error is status 1.
    expect({ status: checked.status === 3 ? 0 : checked.status, stderr: checked.stderr }).toEqual({
      status: 0,
      stderr: '',
    });
  });

  it('never lowers a counter as time passes, and keeps buckets cumulative', () => {
    const live = liveTraffic(traffic);
    let previous = new Map(live.samples(END).map((sample) => [keyOf(sample), sample.value]));
    for (let time = END + 15_000; time <= END + 3 * HOUR; time += 15_000) {
      const now = live.samples(time);
      for (const sample of now) {
        expect(sample.value).toBeGreaterThanOrEqual(previous.get(keyOf(sample)) ?? Infinity);
      }
      const buckets = now.filter(
        (sample) => sample.labels.le !== undefined && sample.labels.instance === 'checkout-1:8080'
      );
      buckets.forEach((bucket, i) => i > 0 && expect(bucket.value).toBeGreaterThanOrEqual(buckets[i - 1].value));
      previous = new Map(now.map((sample) => [keyOf(sample), sample.value]));
    }
  });

  it('keeps the numbers moving at about the model rate', () => {
    const live = liveTraffic(traffic);
    const total = (time: number) =>
      live
        .samples(time)
        .filter((sample) => sample.labels.service === 'checkout' && sample.labels.code !== undefined)
        .reduce((sum, sample) => sum + sample.value, 0);
    const perSecond = (total(END + HOUR) - total(END)) / 3600;
    // checkout peaks at ~50 rps and never drops below 30% of it on a Tuesday.
    expect(perSecond).toBeGreaterThan(10);
    expect(perSecond).toBeLessThan(60);
  });

  it('gives the same value for a time whenever it is asked, so a restarted exposition continues its counters', () => {
    const first = liveTraffic(traffic);
    const later = first.samples(END + 2 * HOUR + 20_000);
    first.samples(END + 10 * MINUTE);
    expect(first.samples(END + 2 * HOUR + 20_000)).toEqual(later);
    expect(liveTraffic(traffic).samples(END + 2 * HOUR + 20_000)).toEqual(later);
  });
});
