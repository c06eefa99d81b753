import { evaluateSlo } from './index';
import { DAY, HOUR, increments, MINUTE, repeat } from './testing';
import type { SloInput } from './types';

const AT = Date.parse('2026-11-26T12:00:00Z');

describe('evaluateSlo: budgeting methods', () => {
  // Ten one-minute slices; slice ratios 1, 1, .8, 1, 1, 1, 1, .9, 1, 1.
  const input: SloInput = {
    total: [increments(repeat(10, 10), AT)],
    good: [increments([10, 10, 8, 10, 10, 10, 10, 9, 10, 10], AT)],
    objective: { target: 0.9, window: '10m' },
    at: AT,
  };

  it('counts events with Occurrences by default', () => {
    const result = evaluateSlo(input);
    expect(result.budgetingMethod).toBe('Occurrences');
    expect(result.sli).toBeCloseTo(97 / 100, 12);
    expect(result.slices).toBeNull();
  });

  it('counts good slices with Timeslices', () => {
    const result = evaluateSlo({ ...input, objective: { ...input.objective, budgetingMethod: 'Timeslices' } });
    // The slice target defaults to the objective: only the 0.8 slice misses 0.9.
    expect(result.slices).toEqual({ total: 10, good: 9 });
    expect(result.sli).toBeCloseTo(0.9, 12);
    expect(result.errorBudget.allowed).toBeCloseTo(1, 12);
    expect(result.errorBudget.consumed).toBeCloseTo(1, 12);
    // Burn rates still count events.
    expect(result.burnRate['10m']).toBeCloseTo(0.03 / 0.1, 12);
  });

  it('applies the slice target when it is given', () => {
    const result = evaluateSlo({
      ...input,
      objective: { ...input.objective, budgetingMethod: 'Timeslices', timeSliceTarget: 0.95 },
    });
    expect(result.slices).toEqual({ total: 10, good: 8 });
    expect(result.errorBudget.remaining).toBeCloseTo(1 - 2 / 1, 12);
  });

  it('averages slice ratios with RatioTimeslices', () => {
    const result = evaluateSlo({ ...input, objective: { ...input.objective, budgetingMethod: 'RatioTimeslices' } });
    expect(result.slices?.total).toBe(10);
    expect(result.slices?.good).toBeCloseTo(9.7, 12);
    expect(result.sli).toBeCloseTo(0.97, 12);
    expect(result.errorBudget.consumed).toBeCloseTo(0.3, 12);
    expect(result.errorBudget.remaining).toBeCloseTo(0.7, 12);
  });

  it('leaves slices without events out and cuts slices of the given length', () => {
    const result = evaluateSlo({
      total: [increments([10, 10, 0, 0, 0, 10, 10, 10, 10, 10], AT)],
      good: [increments([10, 5, 0, 0, 0, 10, 10, 10, 10, 10], AT)],
      objective: { target: 0.9, window: '10m', budgetingMethod: 'Timeslices', timeSliceWindow: '2m' },
      at: AT,
    });
    // Slices of two minutes: (10+10 → 15/20), (0+0 → none), (0+10), (10+10), (10+10).
    expect(result.slices).toEqual({ total: 4, good: 3 });
    expect(result.series.errorBudgetRemaining.at(-1)).toBeCloseTo(result.errorBudget.remaining!, 12);
  });

  it('draws the slice burndown as slices end', () => {
    const result = evaluateSlo({
      ...input,
      objective: { ...input.objective, budgetingMethod: 'Timeslices' },
      chartPoints: 10,
    });
    // Before the 0.8 slice ends the budget is whole; from then on it is spent (1 bad of 1 allowed).
    expect(result.series.errorBudgetRemaining.slice(0, 2)).toEqual([1, 1]);
    expect(result.series.errorBudgetRemaining[2]).toBeCloseTo(1 - 1 / 0.3, 9);
    expect(result.series.errorBudgetRemaining[9]).toBeCloseTo(0, 9);
  });
});

describe('evaluateSlo: calendar windows', () => {
  it('counts from the start of the month in the time zone and budgets for the whole month', () => {
    const at = Date.parse('2026-11-03T00:00:00Z');
    // Hourly increments from 2026-10-31T00:00Z: 72 hours.
    const total = increments(repeat(100, 72), at, HOUR);
    const bad = increments(repeat(0.5, 72), at, HOUR);
    const utc = evaluateSlo({ total: [total], bad: [bad], objective: { target: 0.99, window: 'calendar:month' }, at });
    expect(utc.window).toMatchObject({
      start: Date.parse('2026-11-01T00:00:00Z'),
      length: 30 * DAY,
      calendar: true,
      key: 'calendar:month',
    });
    expect(utc.events.total).toBe(48 * 100);
    expect(utc.burnRate['calendar:month']).toBeCloseTo(0.5, 12);
    // Berlin's November started an hour earlier, at 23:00 UTC, so one more sample counts.
    const berlin = evaluateSlo({
      total: [total],
      bad: [bad],
      objective: { target: 0.99, window: 'calendar:month', timeZone: 'Europe/Berlin' },
      at,
    });
    expect(berlin.events.total).toBe(49 * 100);
    // Half the budget of the events so far is spent; at 0.5x the rest lasts 0.5 × 30 days / 0.5.
    expect(utc.errorBudget.remaining).toBeCloseTo(0.5, 12);
    expect(utc.timeToExhaustion! / DAY).toBeCloseTo(30, 9);
  });

  it('starts the first chart bucket exactly at the period start', () => {
    const at = Date.parse('2026-11-01T02:30:30Z');
    const result = evaluateSlo({
      total: [increments(repeat(1, 300), at)],
      good: [increments(repeat(1, 300), at)],
      objective: { target: 0.99, window: 'calendar:month' },
      at,
      chartPoints: 3,
    });
    // 150.5 minutes into the month: 151 one-minute steps make three points 51 minutes apart, and
    // the first bucket is cut at the month's start (48.5 minutes, 49 samples).
    expect(result.series.step).toBe(51 * MINUTE);
    expect(result.series.times).toEqual([at - 102 * MINUTE, at - 51 * MINUTE, at]);
    expect(result.series.events.total).toEqual([49, 51, 51]);
    expect(result.events.total).toBe(151);
  });
});

describe('evaluateSlo: chart series', () => {
  it('draws 720 hourly points over 30 days that add up to the window', () => {
    const minutes = 30 * 24 * 60;
    const bad = repeat(0, minutes).map((_, i) => (i % 997 === 0 ? 3 : 0));
    const result = evaluateSlo({
      total: [increments(repeat(20, minutes), AT)],
      bad: [increments(bad, AT)],
      objective: { target: 0.999, window: '30d' },
      at: AT,
    });
    const { series } = result;
    expect(result.resolution).toBe(MINUTE);
    expect(series.step).toBe(HOUR);
    expect(series.times).toHaveLength(720);
    expect(series.times[719]).toBe(AT);
    expect(series.times[0]).toBe(AT - 719 * HOUR);
    expect(series.events.total.reduce((a, b) => a + b, 0)).toBe(result.events.total);
    expect(series.events.good.reduce((a, b) => a + b, 0)).toBe(result.events.good);
    expect(series.errorBudgetRemaining[719]).toBeCloseTo(result.errorBudget.remaining!, 12);
    expect(Object.keys(series.burnRate).sort()).toEqual(['1d', '1h', '2h', '30m', '3d', '5m', '6h'].sort());
    expect(series.burnRate['1h'][719]).toBeCloseTo(result.burnRate['1h']!, 12);
    expect(series.burnRate['3d'][719]).toBeCloseTo(result.burnRate['3d']!, 12);
    expect(series.firing).toHaveLength(4);
  });

  it('coarsens the grid for long windows', () => {
    const result = evaluateSlo({ total: [], good: [], objective: { target: 0.99, window: '365d' }, at: AT });
    expect(result.resolution).toBe(5 * MINUTE);
    expect(result.series.times).toHaveLength(Math.ceil((365 * 288) / Math.ceil((365 * 288) / 720)));
  });
});
