/**
 * @jest-environment node
 */
import { parseTime } from './dsQuery';
import {
  type StepInput,
  alignTime,
  goDuration,
  interpolateVariables,
  prometheusStep,
  roundInterval,
} from './promInterval';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TO = Date.UTC(2025, 0, 31);

function step(input: Partial<StepInput> & { rangeMs: number }): number {
  const { rangeMs, ...rest } = input;
  return prometheusStep({
    fromMs: TO - rangeMs,
    toMs: TO,
    intervalMs: MINUTE,
    maxDataPoints: 1000,
    minStep: '',
    intervalFactor: 0,
    scrapeInterval: '1m',
    ...rest,
  });
}

describe("Grafana's Prometheus step", () => {
  it('divides the range by max data points and rounds to a round interval', () => {
    expect(step({ rangeMs: DAY, maxDataPoints: 1440 })).toBe(MINUTE);
    expect(step({ rangeMs: DAY, maxDataPoints: 1000 })).toBe(MINUTE); // 86.4 s rounds to 1m
    expect(step({ rangeMs: 7 * DAY, maxDataPoints: 1000 })).toBe(10 * MINUTE); // 604.8 s rounds to 10m
  });

  it('never goes below the query interval or the min step', () => {
    expect(step({ rangeMs: HOUR, maxDataPoints: 11_000 })).toBe(MINUTE);
    expect(step({ rangeMs: HOUR, maxDataPoints: 11_000, minStep: '5m' })).toBe(5 * MINUTE);
    expect(step({ rangeMs: HOUR, maxDataPoints: 11_000, intervalMs: 0, scrapeInterval: '2m' })).toBe(2 * MINUTE);
  });

  it('raises the step so that 30 days stay under 11,000 points per series', () => {
    const stepMs = step({ rangeMs: 30 * DAY, maxDataPoints: 43_200 });

    expect(stepMs).toBe(5 * MINUTE);
    expect((30 * DAY) / stepMs).toBeLessThanOrEqual(11_000);
  });

  it('rounds the safe interval as Grafana does, which can still exceed 11,000 points (10 days at 1m)', () => {
    // 10 d / 11,000 = 78.5 s, which Grafana rounds down to 1m: Prometheus then refuses 14,400 points.
    expect(step({ rangeMs: 10 * DAY, maxDataPoints: 20_000 })).toBe(MINUTE);
  });

  it('uses max(interval + scrape interval, 4 × scrape interval) when the min step is $__rate_interval', () => {
    expect(step({ rangeMs: HOUR, maxDataPoints: 60, minStep: '$__rate_interval' })).toBe(4 * MINUTE);
    expect(step({ rangeMs: DAY, maxDataPoints: 24, minStep: '$__rate_interval' })).toBe(HOUR + MINUTE);
  });

  it('rounds intervals to the bands of gtime.RoundInterval', () => {
    expect([10, 11, 1500, 1501, 45_000, 45_001, 90_000, 90_001, 450_000, 450_001].map(roundInterval)).toEqual([
      1, 10, 1000, 2000, 30_000, 60_000, 60_000, 120_000, 300_000, 600_000,
    ]);
  });

  it('aligns start and end down to a multiple of the step, shifted by the UTC offset', () => {
    expect(alignTime(TO + 90_000, MINUTE, 0)).toBe(TO + MINUTE);
    expect(alignTime(TO + 90 * MINUTE, DAY, 3600)).toBe(TO - HOUR);
  });
});

describe("Grafana's built-in variables", () => {
  it('replaces every form with the values of the query', () => {
    const expr =
      'rate(x[$__rate_interval]) $__interval $__interval_ms $__range $__range_s $__range_ms ${__interval} ${__range_ms} $__rate_interval_ms';

    expect(
      interpolateVariables(expr, {
        intervalMs: MINUTE,
        stepMs: 5 * MINUTE,
        minStep: '',
        scrapeInterval: '1m',
        rangeMs: HOUR,
      })
    ).toBe('rate(x[4m0s]) 5m 300000 3600s 3600 3600000 5m 3600000 240000');
  });

  it('takes $__rate_interval from the min step when one is set', () => {
    const input = { intervalMs: MINUTE, stepMs: MINUTE, scrapeInterval: '15s', rangeMs: HOUR };

    expect(interpolateVariables('[$__rate_interval]', { ...input, minStep: '' })).toBe('[1m15s]');
    expect(interpolateVariables('[$__rate_interval]', { ...input, minStep: '2m' })).toBe('[8m0s]');
    expect(
      interpolateVariables('[$__rate_interval]', { ...input, minStep: '$__rate_interval', stepMs: 4 * MINUTE })
    ).toBe('[4m0s]');
  });

  it("formats durations as Go's time.Duration does", () => {
    expect([0, 500, 1500, 60_000, 90_000, HOUR, DAY + 30_000].map(goDuration)).toEqual([
      '0s',
      '500ms',
      '1.5s',
      '1m0s',
      '1m30s',
      '1h0m0s',
      '24h0m30s',
    ]);
  });

  it('reads epoch milliseconds and relative times', () => {
    expect(parseTime('1706659200000', TO)).toBe(1706659200000);
    expect(parseTime('now', TO)).toBe(TO);
    expect(parseTime('now-30d', TO)).toBe(TO - 30 * DAY);
    expect(() => parseTime('yesterday', TO)).toThrow('cannot parse time "yesterday"');
  });
});
