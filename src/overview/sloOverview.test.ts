import fc from 'fast-check';
import { evaluateSlo, type SeriesInput } from '../engine';
import { objectiveFromOptions } from '../panels/slo/sloInput';
import { defaultSloPanelOptions } from '../panels/slo/types';
import { sloOverview, SPARKLINE_POINTS } from './sloOverview';
import { DAY, eventTiles, HOUR, hourlyTiles, overviewSpec } from './testing';

const AT = Date.UTC(2026, 10, 26, 18);
const steady = (bad: number) => hourlyTiles(AT, 60 * 24, () => ({ total: 10_000, bad }));

describe('sloOverview', () => {
  it('carries the spec fields and evaluates a healthy SLO over its window', () => {
    const slo = sloOverview(overviewSpec({ labels: { tier: '1' } }), steady(0), AT);
    expect(slo).toMatchObject({
      uid: 'slo-1',
      name: 'Checkout availability',
      service: 'checkout',
      team: 'payments',
      labels: { tier: '1' },
      target: 99.9,
      window: '30d',
      timeZone: 'UTC',
      state: 'ok',
      message: null,
      events: { good: 30 * 24 * 10_000, bad: 0, total: 30 * 24 * 10_000 },
      sli: 1,
      remaining: 1,
      bucket: 'healthy',
      meetsObjective: true,
      exhaustionAt: null,
      burnRate1h: 0,
    });
  });

  it('projects exhaustion at the last hour burn rate and buckets the remaining budget', () => {
    // 4 bad in 10,000 is 40% of the 0.1% allowed: burn rate 0.4, 60% of the budget left.
    const slo = sloOverview(overviewSpec(), steady(4), AT);
    expect(slo.remaining).toBeCloseTo(0.6, 9);
    expect(slo.bucket).toBe('observe');
    expect(slo.burnRate1h).toBeCloseTo(0.4, 9);
    // 0.6 of a 30-day budget spent at 0.4 budgets per window lasts 45 days.
    expect(slo.exhaustionAt).toBeCloseTo(AT + 45 * DAY, -3);
    expect(slo.meetsObjective).toBe(true);
  });

  it('projects no exhaustion for a budget already spent, and says the objective is missed', () => {
    const slo = sloOverview(overviewSpec(), steady(20), AT);
    expect(slo.remaining).toBeCloseTo(-1, 9);
    expect(slo.bucket).toBe('exhausted');
    expect(slo.exhaustionAt).toBeNull();
    expect(slo.meetsObjective).toBe(false);
  });

  it('meets the objective with an SLI exactly at the target', () => {
    const slo = sloOverview(overviewSpec(), steady(10), AT);
    expect(slo.sli).toBeCloseTo(0.999, 12);
    expect(slo.meetsObjective).toBe(true);
    expect(slo.bucket).toBe('exhausted');
  });

  it('reads bad-event tiles as the panel does', () => {
    const bad = hourlyTiles(AT, 60 * 24, () => ({ total: 10_000, bad: 5 }), 'bad');
    const slo = sloOverview(overviewSpec({ sli: { ...overviewSpec().sli, eventKind: 'bad' } }), bad, AT);
    expect(slo.events.bad).toBe(30 * 24 * 5);
    expect(slo.remaining).toBeCloseTo(0.5, 9);
  });

  it('draws a sparkline of the remaining budget with gaps before the first events', () => {
    // Traffic starts 10 days before `at`: the first two thirds of the window have no budget yet.
    const slo = sloOverview(
      overviewSpec(),
      hourlyTiles(AT, 10 * 24, () => ({ total: 1000, bad: 1 })),
      AT
    );
    expect(slo.sparkline.times).toHaveLength(SPARKLINE_POINTS);
    expect(slo.sparkline.remaining).toHaveLength(SPARKLINE_POINTS);
    expect(slo.sparkline.times[SPARKLINE_POINTS - 1]).toBe(AT);
    expect(slo.sparkline.remaining[0]).toBeNull();
    expect(slo.sparkline.remaining[SPARKLINE_POINTS - 1]).toBeCloseTo(0, 9);
    expect(slo.sparkline.remaining.filter((value) => value === null).length).toBeGreaterThan(25);
  });

  it('gives the numbers of the panel evaluation, with its alert tiers and minimum events', () => {
    const spec = overviewSpec({ alerting: { minEvents: 50 } });
    const tiles = hourlyTiles(AT, 60 * 24, (end) => ({ total: 10_000, bad: end > AT - 2 * DAY ? 40 : 3 }));
    const slo = sloOverview(spec, tiles, AT);
    const input = objectiveFromOptions(
      { ...defaultSloPanelOptions, objective: spec.objective, alerting: spec.alerting },
      (text) => text,
      'UTC'
    );
    if (!input.ok) {
      throw new Error(input.message);
    }
    expect(input.alertTiers).toHaveLength(4);
    const panel = evaluateSlo({ ...tiles, ...input, at: AT, chartPoints: SPARKLINE_POINTS });
    expect(slo.sli).toBe(panel.sli);
    expect(slo.remaining).toBe(panel.errorBudget.remaining);
    expect(slo.burnRate1h).toBe(panel.burnRate['1h']);
    expect(slo.exhaustionAt).toBe(AT + (panel.timeToExhaustion ?? NaN));
    expect(slo.sparkline).toEqual({ times: panel.series.times, remaining: panel.series.errorBudgetRemaining });
    expect(slo.events).toEqual(panel.events);
  });

  it('takes the sparkline points from the options', () => {
    expect(sloOverview(overviewSpec(), steady(0), AT, { chartPoints: 12 }).sparkline.times).toHaveLength(12);
  });

  it('counts a calendar month in the SLO time zone from the local start of the month', () => {
    // November starts at 2026-10-31 23:00 UTC in Berlin. The tile of UTC's last October hour
    // (ending 2026-11-01 00:00 UTC) is November's first hour there; the tile ending at 23:00 UTC is
    // Berlin's last October hour.
    const tiles = eventTiles([Date.UTC(2026, 10, 1, 0)], [Date.UTC(2026, 9, 31, 23)]);
    const berlin = overviewSpec({ objective: { window: 'calendar:month', timeZone: 'Europe/Berlin' } });
    expect(sloOverview(berlin, tiles, AT).events).toEqual({ good: 1, bad: 0, total: 1 });
    const utc = overviewSpec({ objective: { window: 'calendar:month', timeZone: 'UTC' } });
    expect(sloOverview(utc, tiles, AT).events).toEqual({ good: 0, bad: 0, total: 0 });
  });

  it('says noData without tiles, and without samples in the window', () => {
    expect(sloOverview(overviewSpec(), null, AT)).toMatchObject({ state: 'noData', bucket: 'noData', sli: null });
    const old = hourlyTiles(AT - 40 * DAY, 24, () => ({ total: 10, bad: 0 }));
    expect(sloOverview(overviewSpec(), old, AT)).toMatchObject({ state: 'noData', remaining: null });
  });

  it('says tooFewEvents for samples without events, and below the minimum events', () => {
    const quiet = sloOverview(
      overviewSpec(),
      hourlyTiles(AT, 60 * 24, () => ({ total: 0, bad: 0 })),
      AT
    );
    expect(quiet).toMatchObject({ state: 'tooFewEvents', bucket: 'noData', meetsObjective: null });
    const guarded = sloOverview(overviewSpec({ alerting: { minEvents: 10_000_000 } }), steady(0), AT);
    expect(guarded).toMatchObject({ state: 'tooFewEvents', sli: null, remaining: null, bucket: 'noData' });
    expect(guarded.events.total).toBe(7_200_000);
  });

  it('says invalid, naming the field, for an objective or tiles the engine refuses', () => {
    const target = sloOverview(overviewSpec({ objective: { target: 100 } }), steady(0), AT);
    expect(target.state).toBe('invalid');
    expect(target.message).toMatch(/Target/);
    const zone = sloOverview(overviewSpec({ objective: { timeZone: 'Mars/Olympus' } }), steady(0), AT);
    expect(zone.state).toBe('invalid');
    const both = { ...steady(0), bad: steady(0).total };
    expect(sloOverview(overviewSpec(), both, AT)).toMatchObject({
      state: 'invalid',
      message: expect.stringMatching(/good, bad/),
    });
  });

  it('evaluates timeslice budgeting with the spec settings', () => {
    const spec = overviewSpec({ objective: { budgetingMethod: 'Timeslices', timeSliceWindow: '1h' } });
    // One bad hour in ten: 10% of the slices bad against 0.1% allowed.
    const tiles = hourlyTiles(AT, 60 * 24, (end) => ({ total: 100, bad: (end / HOUR) % 10 === 0 ? 100 : 0 }));
    const slo = sloOverview(spec, tiles, AT);
    expect(slo.sli).toBeCloseTo(0.9, 9);
    expect(slo.bucket).toBe('exhausted');
  });
});

describe('sloOverview on arbitrary data', () => {
  const numberish = fc.oneof(
    fc.double({ noNaN: false }),
    fc.integer({ min: -5, max: 1_000_000 }),
    fc.constantFrom(0, NaN, Infinity, -Infinity, 1e308)
  );
  const series = (kind: SeriesInput['kind'], length: number, values: number[]): SeriesInput => ({
    kind,
    times: Array.from({ length }, (_, i) => AT - (length - 1 - i) * HOUR + HOUR),
    values,
  });
  const draws = fc
    .record({
      hours: fc.integer({ min: 0, max: 24 * 45 }),
      kind: fc.constantFrom<SeriesInput['kind']>('increment', 'counter'),
      eventKind: fc.constantFrom<'good' | 'bad'>('good', 'bad'),
      target: fc.constantFrom(90, 99, 99.9, 99.99, 50),
      window: fc.constantFrom('30d', '7d', '1d', 'calendar:month', 'calendar:week'),
      budgetingMethod: fc.constantFrom('Occurrences' as const, 'Timeslices' as const, 'RatioTimeslices' as const),
      minEvents: fc.constantFrom(0, 100),
    })
    .chain((draw) =>
      fc.record({
        draw: fc.constant(draw),
        measured: fc.array(numberish, { minLength: draw.hours, maxLength: draw.hours }),
        total: fc.array(numberish, { minLength: draw.hours, maxLength: draw.hours }),
      })
    );

  it('gives only finite numbers or null', () => {
    fc.assert(
      fc.property(draws, ({ draw, measured, total }) => {
        const spec = overviewSpec({
          objective: {
            target: draw.target,
            window: draw.window,
            budgetingMethod: draw.budgetingMethod,
            timeSliceWindow: '1h',
          },
          alerting: { minEvents: draw.minEvents },
        });
        const tiles = {
          [draw.eventKind]: [series(draw.kind, draw.hours, measured)],
          total: [series(draw.kind, draw.hours, total)],
        };
        const slo = sloOverview(spec, tiles, AT);
        expect(nonFinite(slo)).toEqual([]);
        if (slo.state === 'invalid') {
          expect(slo.message).toMatch(/more than a number can hold/);
        }
      }),
      { seed: 20261126, numRuns: 150 }
    );
  });
});

/** Paths of every number in a value that is NaN or infinite. */
function nonFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? [] : [path];
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => nonFinite(item, `${path}.${key}`));
  }
  return [];
}
