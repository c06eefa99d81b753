/**
 * Burn-rate windows shorter than the data's sample spacing (the SRE Workbook's 5m window over the
 * 15m steps of a 90-day panel) are read over one spacing, so they never fall between samples.
 */
import fc from 'fast-check';

import { evaluateSlo } from './index';
import { referenceEvaluate } from './reference';
import { sampleSpacing, type IncrementSeries } from './series';
import { DAY, HOUR, increments, MINUTE, repeat } from './testing';
import type { SeriesInput, SloInput } from './types';

const AT = Date.parse('2026-11-26T12:00:00Z');
const SEED = Number(process.env.PROPERTY_SEED ?? 20240331);

describe('sampleSpacing', () => {
  const at = (...times: number[]): IncrementSeries => ({
    kind: 'increment',
    times: Float64Array.from(times),
    increments: new Float64Array(times.length),
  });

  it('is the step most samples share, despite a gap', () => {
    expect(sampleSpacing([at(0, 15, 30, 45, 90, 105)])).toBe(15);
  });

  it("is the lower median of all series' steps when no step is most of them", () => {
    // Steps 1, 2, 4 and 10, 20: sorted 1 2 4 10 20, median 4.
    expect(sampleSpacing([at(0, 1, 3, 7), at(100, 110, 130)])).toBe(4);
    // Steps 1, 2, 3, 4: the lower median is 2.
    expect(sampleSpacing([at(0, 1, 3, 6, 10)])).toBe(2);
  });

  it('is null without 2 samples in any series', () => {
    expect(sampleSpacing([])).toBeNull();
    expect(sampleSpacing([at(5), at(7)])).toBeNull();
  });
});

describe('evaluateSlo over data coarser than its short windows', () => {
  // 90 days of 15m samples of 1000 requests; in the last hour (4 samples) 10% fail: a 100x burn
  // against the page tier's 43.2x (2% of a 90-day budget in 1h).
  const SAMPLES = (90 * DAY) / (15 * MINUTE);
  const input = (at: number): SloInput => ({
    total: [increments(repeat(1000, SAMPLES), AT, 15 * MINUTE)],
    bad: [increments([...repeat(0, SAMPLES - 4), ...repeat(100, 4)], AT, 15 * MINUTE)],
    objective: { target: 0.999, window: '90d' },
    at,
  });

  it('reports the data step', () => {
    expect(evaluateSlo(input(AT)).dataStep).toBe(15 * MINUTE);
  });

  it('pages at every minute of the burst once the long window burns, not only just after a sample', () => {
    // From AT - 30m the 1h window holds two failing samples of four (a 50x burn).
    const minutes = Array.from({ length: 31 }, (_, i) => AT - 30 * MINUTE + i * MINUTE);
    const results = minutes.map((at) => evaluateSlo(input(at)));
    expect(results.map((result) => result.alerts[0].firing)).toEqual(minutes.map(() => true));
    for (const result of results) {
      expect(result.alerts[0].shortWindow).toBe('5m');
      expect(result.burnRate['5m']).toBeCloseTo(100, 9);
      expect(result.alerts[0].shortBurnRate).toBeCloseTo(100, 9);
    }
  });

  it('records the page as one firing period in the chart', () => {
    const result = evaluateSlo(input(AT));
    expect(result.resolution).toBe(MINUTE);
    expect(result.series.firing[0]).toEqual([{ start: AT - 30 * MINUTE, end: AT }]);
    const shortRates = result.series.burnRate['5m'];
    expect(shortRates[shortRates.length - 1]).toBeCloseTo(100, 9);
  });

  it('leaves windows at or above the step as they are', () => {
    const result = evaluateSlo(input(AT));
    // The 30m window holds the last two samples, both failing.
    expect(result.burnRate['30m']).toBeCloseTo(100, 9);
    expect(result.burnRate['1h']).toBeCloseTo(100, 9);
    expect(result.burnRate['2h']).toBeCloseTo(50, 9);
  });

  it('has no data step with a single sample, and then reads windows as they are', () => {
    const result = evaluateSlo({
      total: [increments([10], AT - 7 * MINUTE)],
      good: [increments([10], AT - 7 * MINUTE)],
      objective: { target: 0.99, window: '1d' },
      at: AT,
    });
    expect(result.dataStep).toBeNull();
    expect(result.burnRate['5m']).toBeNull();
    expect(result.burnRate['30m']).toBe(0);
  });
});

describe('evaluateSlo reads short windows over the data step (property)', () => {
  interface Draw {
    step: number;
    kind: SeriesInput['kind'];
    samples: Array<{ total: number; bad: number }>;
    target: number;
    window: string;
    /** Where `at` lies, as a fraction of the data's span plus one step. */
    position: number;
  }

  const draws: fc.Arbitrary<Draw> = fc.record({
    step: fc.constantFrom(5 * MINUTE, 15 * MINUTE, HOUR),
    kind: fc.constantFrom<SeriesInput['kind']>('counter', 'increment'),
    samples: fc.array(
      fc
        .record({ total: fc.oneof(fc.constant(0), fc.nat(50)), bad: fc.nat(50) })
        .map(({ total, bad }) => ({ total, bad: Math.min(bad, total) })),
      { minLength: 2, maxLength: 300 }
    ),
    target: fc.constantFrom(0.9, 0.99, 0.999),
    window: fc.constantFrom('1d', '7d', '30d'),
    position: fc.double({ min: 0, max: 1, noNaN: true }),
  });

  function toInput(draw: Draw): { input: SloInput; times: number[] } {
    const start = AT - (draw.samples.length - 1) * draw.step;
    const times = draw.samples.map((_, i) => start + i * draw.step);
    const series = (counts: number[]): SeriesInput => {
      if (draw.kind === 'increment') {
        return { kind: 'increment', times, values: counts };
      }
      let sum = 0;
      return { kind: 'counter', times, values: counts.map((count) => (sum += count)) };
    };
    const at = Math.round(start + draw.position * (AT + draw.step - start));
    return {
      input: {
        total: [series(draw.samples.map((sample) => sample.total))],
        bad: [series(draw.samples.map((sample) => sample.bad))],
        objective: { target: draw.target, window: draw.window },
        at,
      },
      times,
    };
  }

  it('is never null while the last step has events, and equals the burn over that step', () => {
    fc.assert(
      fc.property(draws, (draw) => {
        const { input, times } = toInput(draw);
        const result = evaluateSlo(input);
        expect(result.dataStep).toBe(draw.step);
        // A counter's first sample only sets its base.
        const counted = (i: number) => i > 0 || draw.kind === 'increment';
        let total = 0;
        let bad = 0;
        times.forEach((time, i) => {
          if (counted(i) && input.at - draw.step < time && time <= input.at) {
            total += draw.samples[i].total;
            bad += draw.samples[i].bad;
          }
        });
        const expected = total > 0 ? bad / total / (1 - draw.target) : null;
        const chartRates = result.series.burnRate['5m'];
        const chartAtEnd = chartRates[chartRates.length - 1];
        for (const actual of [result.burnRate['5m'], result.alerts[0].shortBurnRate, chartAtEnd]) {
          if (expected === null) {
            expect(actual).toBeNull();
          } else {
            expect(actual).not.toBeNull();
            expect(actual).toBeCloseTo(expected, 9);
          }
        }
      }),
      { seed: SEED, numRuns: 100 }
    );
  });

  it('agrees with the naive reference on alerts and firing periods', () => {
    fc.assert(
      fc.property(draws, (draw) => {
        const { input } = toInput(draw);
        const engine = evaluateSlo(input);
        const grid = { resolution: engine.resolution, chartTimes: engine.series.times, chartStep: engine.series.step };
        const reference = referenceEvaluate(input, grid);
        expect(engine.dataStep).toBe(reference.dataStep);
        expect(engine.alerts.map((alert) => alert.firing)).toEqual(reference.alerts.map((alert) => alert.firing));
        expect(engine.series.firing).toEqual(reference.series.firing);
        for (const key of Object.keys(reference.burnRate)) {
          const expected = reference.burnRate[key];
          if (expected === null) {
            expect(engine.burnRate[key]).toBeNull();
          } else {
            expect(engine.burnRate[key]).toBeCloseTo(expected, 9);
          }
        }
      }),
      { seed: SEED + 1, numRuns: 30 }
    );
  });
});
