import { evaluateSlo } from './index';
import { DAY, HOUR, increments, MINUTE, repeat } from './testing';

const AT = Date.parse('2026-11-26T12:00:00Z');

describe('evaluateSlo: data that is wrong in itself', () => {
  it('reports more good than total events as a data problem, never as an SLI above 100%', () => {
    const result = evaluateSlo({
      total: [increments(repeat(10, 60), AT)],
      good: [increments([...repeat(10, 59), 30], AT)],
      objective: { target: 0.99, window: '1h' },
      at: AT,
    });
    expect(result.sli).toBeNull();
    expect(result.errorBudget.consumed).toBeNull();
    expect(result.errorBudget.remaining).toBeNull();
    expect(result.burnRate['1h']).toBeNull();
    expect(result.burnRate['30m']).toBeNull();
    expect(result.events).toEqual({ good: 620, bad: 0, total: 600 });
    expect(result.dataProblems).toContainEqual({ kind: 'goodExceedsTotal', scope: 'window', count: 1 });
    expect(result.dataProblems).toContainEqual({ kind: 'goodExceedsTotal', scope: 'buckets', count: 1 });
    expect(result.series.sli.filter((value) => value !== null).every((value) => value! <= 1)).toBe(true);
  });

  it('reports more bad than total events', () => {
    const result = evaluateSlo({
      total: [increments(repeat(10, 60), AT)],
      bad: [increments(repeat(11, 60), AT)],
      objective: { target: 0.99, window: '1h' },
      at: AT,
    });
    expect(result.sli).toBeNull();
    expect(result.dataProblems).toContainEqual({ kind: 'badExceedsTotal', scope: 'window', count: 1 });
  });

  it('counts negative increments as zero and reports them', () => {
    const result = evaluateSlo({
      total: [increments([10, -5, 10], AT)],
      good: [increments([10, -1, 10], AT)],
      objective: { target: 0.5, window: '1h' },
      at: AT,
    });
    expect(result.events).toEqual({ good: 20, bad: 0, total: 20 });
    expect(result.dataProblems).toEqual([
      { kind: 'negativeIncrement', series: 'good', count: 1 },
      { kind: 'negativeIncrement', series: 'total', count: 1 },
    ]);
  });

  it('absorbs float rounding where good equals total', () => {
    const fractional = [0.1, 0.2, 0.3, 0.7, 1.1, 0.05];
    const result = evaluateSlo({
      total: [increments(fractional, AT)],
      good: [
        increments(
          fractional.map((value) => value * (1 + 1e-15)),
          AT
        ),
      ],
      objective: { target: 0.99, window: '1h' },
      at: AT,
    });
    expect(result.dataProblems).toEqual([]);
    expect(result.sli).toBe(1);
  });
});

describe('evaluateSlo: coverage', () => {
  it('is the share of the window with samples, counting scrape gaps out', () => {
    const minutes = 24 * 60;
    const times: number[] = [];
    const values: number[] = [];
    // Every minute of the last day, but a 60-minute gap before the last 6 hours.
    for (let i = 0; i < minutes; i++) {
      const t = AT - (minutes - 1 - i) * MINUTE;
      if (t > AT - 7 * HOUR && t < AT - 6 * HOUR) {
        continue;
      }
      times.push(t);
      values.push(i);
    }
    const result = evaluateSlo({
      total: [{ kind: 'counter', times, values }],
      good: [{ kind: 'counter', times, values }],
      objective: { target: 0.99, window: '1d' },
      at: AT,
    });
    // Uncovered: the minute before the first sample and the 60-minute gap.
    expect(result.coverage).toBeCloseTo(1 - 61 / minutes, 12);
  });

  it('covers only what was queried when the data is shorter than the window', () => {
    const result = evaluateSlo({
      total: [increments(repeat(5, 24 * 60), AT)],
      good: [increments(repeat(5, 24 * 60), AT)],
      objective: { target: 0.99, window: '30d' },
      at: AT,
    });
    expect(result.coverage).toBeCloseTo(1 / 30, 12);
  });

  it('unites the spans of several total series', () => {
    const early = increments(repeat(1, 12 * 60), AT - 12 * HOUR);
    const late = increments(repeat(1, 12 * 60), AT);
    const result = evaluateSlo({
      total: [early, late, late],
      good: [],
      objective: { target: 0.99, window: '1d' },
      at: AT,
    });
    expect(result.coverage).toBeCloseTo(1, 12);
  });

  it('accepts coarse, uneven steps without calling them gaps', () => {
    const steps = [0, 40, 80, 130, 170, 215, 260].map((m) => AT - (260 - m) * MINUTE);
    const result = evaluateSlo({
      total: [{ kind: 'counter', times: steps, values: [0, 1, 2, 3, 4, 5, 6] }],
      good: [{ kind: 'counter', times: steps, values: [0, 1, 2, 3, 4, 5, 6] }],
      objective: { target: 0.99, window: '260m' },
      at: AT,
    });
    expect(result.coverage).toBe(1);
  });
});

describe('evaluateSlo: counters over long data', () => {
  it('gives exact counts over 30 days of 1-minute counters with restarts', () => {
    const minutes = 30 * 24 * 60;
    const perMinute = repeat(0, minutes).map((_, i) => 50 + (i % 7));
    // Restarts at two samples: the process comes back at 0 and counts that minute's events.
    const values: number[] = [];
    let value = 0;
    perMinute.forEach((increment, i) => {
      value = i === 10_000 || i === 30_000 ? increment : value + increment;
      values.push(value);
    });
    const times = values.map((_, i) => AT - (minutes - 1 - i) * MINUTE);
    const result = evaluateSlo({
      total: [{ kind: 'counter', times, values }],
      bad: [],
      objective: { target: 0.999, window: '30d' },
      at: AT,
    });
    // The first sample adds nothing; a restart sample adds its own value, which is its increment.
    const expected = perMinute.slice(1).reduce((sum, value) => sum + value, 0);
    expect(result.events.total).toBe(expected);
    expect(result.window.length).toBe(30 * DAY);
  });
});
