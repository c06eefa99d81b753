/**
 * Hand-computed checks of the test-only reference, so that a disagreement between it and the
 * engine points at the engine (or at the contract), not at the reference.
 */
import {
  referenceCalendarPeriod,
  referenceDuration,
  referenceEvaluate,
  referenceGrid,
  referenceWindow,
} from './reference';
import { SeriesInput, SloInput } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const AT = Date.UTC(2024, 4, 15, 12, 0, 0);

function minutesBefore(at: number, minutes: number[]): number[] {
  return minutes.map((m) => at - m * MINUTE);
}

function evaluate(input: SloInput) {
  return referenceEvaluate(input, referenceGrid(input));
}

describe('reference durations', () => {
  it('reads integers with units and sums their parts', () => {
    expect(referenceDuration('30d')).toBe(30 * DAY);
    expect(referenceDuration('1h30m')).toBe(90 * MINUTE);
    expect(referenceDuration('4w')).toBe(28 * DAY);
    expect(referenceDuration('250ms')).toBe(250);
    expect(() => referenceDuration('1.5h')).toThrow();
    expect(() => referenceDuration('')).toThrow();
  });
});

describe('reference increments', () => {
  it('adds a counter reset as its new value and skips a missing sample', () => {
    // Increments: 5, then 3 after the reset, then 4, then 9 - 7 = 2 across the NaN.
    const total: SeriesInput = {
      times: minutesBefore(AT, [5, 4, 3, 2, 1, 0]),
      values: [10, 15, 3, 7, NaN, 9],
      kind: 'counter',
    };
    const good: SeriesInput = { times: minutesBefore(AT, [5, 0]), values: [0, 12], kind: 'counter' };
    const result = evaluate({ total: [total], good: [good], objective: { target: 0.9, window: '1h' }, at: AT });
    expect(result.events).toEqual({ good: 12, bad: 2, total: 14 });
    expect(result.sli).toBeCloseTo(12 / 14, 12);
    expect(result.errorBudget.allowed).toBeCloseTo(1.4, 12);
    expect(result.errorBudget.consumed).toBeCloseTo(2 / 1.4, 12);
    expect(result.errorBudget.remaining).toBeCloseTo(1 - 2 / 1.4, 12);
    // The good counter's 12 all land in the last 1-minute chart bucket, which holds only 2 total.
    expect(result.series.step).toBe(MINUTE);
    expect(result.dataProblems).toEqual([{ kind: 'goodExceedsTotal', scope: 'buckets', count: 1 }]);
  });

  it('excludes an increment at exactly at - W and includes one at at', () => {
    const total: SeriesInput = { times: [AT - HOUR, AT - HOUR + 1, AT], values: [100, 10, 1], kind: 'increment' };
    const bad: SeriesInput = { times: [AT - HOUR, AT], values: [100, 1], kind: 'increment' };
    const result = evaluate({ total: [total], bad: [bad], objective: { target: 0.99, window: '1h' }, at: AT });
    expect(result.events).toEqual({ good: 10, bad: 1, total: 11 });
    expect(result.burnRate['1h']).toBeCloseTo(1 / 11 / (1 - 0.99), 9);
    // The 5m window holds only the sample at `at`: 1 bad of 1.
    expect(result.burnRate['5m']).toBeCloseTo(1 / (1 - 0.99), 9);
  });

  it('counts a negative increment as 0 and reports it', () => {
    const total: SeriesInput = { times: minutesBefore(AT, [2, 1, 0]), values: [4, -3, 6], kind: 'increment' };
    const good: SeriesInput = { times: minutesBefore(AT, [1]), values: [-1], kind: 'increment' };
    const result = evaluate({ total: [total], good: [good], objective: { target: 0.9, window: '1h' }, at: AT });
    expect(result.events).toEqual({ good: 0, bad: 10, total: 10 });
    expect(result.dataProblems).toEqual(
      expect.arrayContaining([
        { kind: 'negativeIncrement', series: 'total', count: 1 },
        { kind: 'negativeIncrement', series: 'good', count: 1 },
      ])
    );
  });

  it('leaves the ratio undefined when good exceeds total, and clamps bad at 0', () => {
    const total: SeriesInput = { times: minutesBefore(AT, [1]), values: [3], kind: 'increment' };
    const good: SeriesInput = { times: minutesBefore(AT, [1]), values: [5], kind: 'increment' };
    const result = evaluate({ total: [total], good: [good], objective: { target: 0.9, window: '1h' }, at: AT });
    expect(result.events).toEqual({ good: 5, bad: 0, total: 3 });
    expect(result.sli).toBeNull();
    expect(result.errorBudget.remaining).toBeNull();
    expect(result.burnRate['1h']).toBeNull();
    expect(result.dataProblems).toContainEqual({ kind: 'goodExceedsTotal', scope: 'window', count: 1 });
  });
});

describe('reference windows', () => {
  it('takes the whole calendar month as the length, across a DST change in Berlin', () => {
    // Berlin's March 2024 runs from 2024-02-29T23:00Z to 2024-03-31T22:00Z (one hour shorter).
    const march = { start: Date.UTC(2024, 1, 29, 23), end: Date.UTC(2024, 2, 31, 22) };
    expect(referenceCalendarPeriod(Date.UTC(2024, 2, 15), 'month', 'Europe/Berlin')).toEqual(march);
    // `at` on the period's end still belongs to it; one millisecond later is April.
    expect(referenceCalendarPeriod(march.end, 'month', 'Europe/Berlin')).toEqual(march);
    expect(referenceCalendarPeriod(march.end + 1, 'month', 'Europe/Berlin').start).toBe(march.end);
    expect(march.end - march.start).toBe(31 * DAY - HOUR);
  });

  it('starts weeks on Monday in the time zone', () => {
    // Sunday 2024-11-03 in New York (the day DST ends); the week began Monday 2024-10-28 at 04:00Z.
    const period = referenceCalendarPeriod(Date.UTC(2024, 10, 3, 18), 'week', 'America/New_York');
    expect(period).toEqual({ start: Date.UTC(2024, 9, 28, 4), end: Date.UTC(2024, 10, 4, 5) });
  });

  it('finds quarters at local midnight in Kolkata', () => {
    const period = referenceCalendarPeriod(Date.UTC(2024, 4, 15), 'quarter', 'Asia/Kolkata');
    expect(period).toEqual({ start: Date.UTC(2024, 2, 31, 18, 30), end: Date.UTC(2024, 5, 30, 18, 30) });
  });

  it('reports a rolling window as (at - W, at]', () => {
    const input: SloInput = { total: [], good: [], objective: { target: 0.99, window: '7d' }, at: AT };
    expect(referenceWindow(input)).toEqual({
      start: AT - 7 * DAY,
      end: AT,
      length: 7 * DAY,
      key: '7d',
      calendar: false,
    });
  });
});

describe('reference grid and alerts', () => {
  it('uses 1m resolution and 1h chart steps for 30 days', () => {
    const input: SloInput = { total: [], good: [], objective: { target: 0.999, window: '30d' }, at: AT };
    const grid = referenceGrid(input);
    expect(grid.resolution).toBe(MINUTE);
    expect(grid.chartStep).toBe(HOUR);
    expect(grid.chartTimes.length).toBe(720);
    expect(grid.chartTimes[719]).toBe(AT);
    expect(grid.chartTimes[0]).toBe(AT - 719 * HOUR);
  });

  it('derives the default tier factors from budget shares (14.4, 6, 3, 1 for 30 days)', () => {
    const input: SloInput = { total: [], good: [], objective: { target: 0.999, window: '30d' }, at: AT };
    const result = evaluate(input);
    expect(result.alerts.map((alert) => alert.factor)).toEqual([14.4, 6, 3, 1].map((f) => expect.closeTo(f, 9)));
    expect(result.alerts.every((alert) => !alert.firing)).toBe(true);
    expect(result.coverage).toBe(0);
  });

  it('fires while both windows burn too fast and records the period', () => {
    // One request a minute for two hours; the last 10 minutes all fail.
    const times = Array.from({ length: 121 }, (_, i) => AT - (120 - i) * MINUTE);
    const total: SeriesInput = { times, values: times.map(() => 1), kind: 'increment' };
    const bad: SeriesInput = { times, values: times.map((_, i) => (i > 110 ? 1 : 0)), kind: 'increment' };
    const input: SloInput = {
      total: [total],
      bad: [bad],
      objective: { target: 0.9, window: '2h' },
      at: AT,
      alertTiers: [{ severity: 'page', longWindow: '30m', shortWindow: '5m', factor: 2.5 }],
    };
    const result = evaluate(input);
    // 10 bad of 30 in the long window: burn rate (1/3) / 0.1 = 3.33 > 2.5; the short window burns 10.
    expect(result.alerts[0].longBurnRate).toBeCloseTo(10 / 3, 9);
    expect(result.alerts[0].shortBurnRate).toBeCloseTo(10, 9);
    expect(result.alerts[0].firing).toBe(true);
    expect(result.alerts[0].budgetShare).toBeCloseTo((2.5 * 30) / 120, 12);
    // The long window exceeds 2.5 once it holds 8 bad of 30 (8 minutes into the failure).
    expect(result.series.firing[0]).toEqual([{ start: AT - 2 * MINUTE, end: AT }]);
    // 10 bad of 120 leaves 1/6 of the budget; the 1h window burns (10/60) / 0.1, so 12 minutes are left.
    expect(result.errorBudget.remaining).toBeCloseTo(1 / 6, 9);
    expect(result.timeToExhaustion).toBeCloseTo(12 * MINUTE, 3);
    expect(result.coverage).toBe(1);
  });

  it('earns timeslices by ratio and counts only slices with events', () => {
    // 5m slices over 30m: the first has 2/4 good, the fourth 3/3, the others no events.
    const total: SeriesInput = { times: [AT - 28 * MINUTE, AT - 12 * MINUTE], values: [4, 3], kind: 'increment' };
    const good: SeriesInput = { times: [AT - 28 * MINUTE, AT - 12 * MINUTE], values: [2, 3], kind: 'increment' };
    const objective = { target: 0.9, window: '30m', timeSliceWindow: '5m' };
    const timeslices = evaluate({
      total: [total],
      good: [good],
      objective: { ...objective, budgetingMethod: 'Timeslices' },
      at: AT,
    });
    expect(timeslices.slices).toEqual({ total: 2, good: 1 });
    expect(timeslices.sli).toBe(0.5);
    expect(timeslices.errorBudget.consumed).toBeCloseTo(1 / 0.2, 9);
    const ratio = evaluate({
      total: [total],
      good: [good],
      objective: { ...objective, budgetingMethod: 'RatioTimeslices' },
      at: AT,
    });
    expect(ratio.slices).toEqual({ total: 2, good: 1.5 });
    expect(ratio.events).toEqual({ good: 5, bad: 2, total: 7 });
  });

  it('covers spans up to twice the median step, and an increment series before its first sample', () => {
    // Steps 1, 1, 1, 3 minutes (median 1): the 3-minute gap is not covered; the first sample covers 1 minute before.
    const total: SeriesInput = {
      times: minutesBefore(AT, [10, 9, 8, 7, 4]),
      values: [1, 1, 1, 1, 1],
      kind: 'increment',
    };
    const result = evaluate({ total: [total], good: [total], objective: { target: 0.9, window: '20m' }, at: AT });
    expect(result.coverage).toBeCloseTo(4 / 20, 12);
  });
});
