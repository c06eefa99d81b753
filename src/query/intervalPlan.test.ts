import fc from 'fast-check';

import { defaultAlertTierOptions } from '../panels/slo/types';
import {
  longestRangeOf,
  planInterval,
  PROMETHEUS_POINT_LIMIT,
  shortestWindowOf,
  sloIntervalPlan,
} from './intervalPlan';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const slo = (window: string) => ({
  objective: { window, budgetingMethod: 'Occurrences', timeSliceWindow: '1m' },
  alerting: { tiers: defaultAlertTierOptions },
});

describe('the interval plan', () => {
  it.each([
    ['1h', '1m', 60],
    ['1d', '1m', 1440],
    ['7d', '1m', 10_080],
    ['10d', '5m', 2880],
    ['28d', '5m', 8064],
    ['30d', '5m', 8640],
    ['calendar:week', '1m', 10_140],
    ['calendar:month', '5m', 8940],
    ['90d', '15m', 8640],
    ['calendar:quarter', '15m', 8836],
    ['365d', '1h', 8760],
  ])('asks for %s in %s steps, %d points', (window, interval, points) => {
    const plan = sloIntervalPlan(slo(window));
    expect([plan.interval, plan.maxDataPoints]).toEqual([interval, points]);
  });

  it('keeps the step within the shortest alert window whenever the limit allows a step that fine', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 400 * 24 * 60 }),
        fc.constantFrom(1, 2, 5, 10, 30, 60),
        (minutes, short) => {
          const rangeMs = minutes * MINUTE;
          const shortestWindowMs = short * MINUTE;
          const plan = planInterval({ rangeMs, shortestWindowMs });
          const fineEnough = [1, 2, 5, 10, 15, 20, 30, 60].some(
            (step) => step <= short && short % step === 0 && Math.ceil(minutes / step) <= PROMETHEUS_POINT_LIMIT
          );
          expect(plan.resolvesShortestWindow).toBe(fineEnough);
          if (fineEnough) {
            expect(plan.stepMs).toBeLessThanOrEqual(shortestWindowMs);
            expect(shortestWindowMs % plan.stepMs).toBe(0);
          }
        }
      ),
      { numRuns: 2000 }
    );
  });

  it('prefers a step that divides the shortest window over a finer one that does not', () => {
    // 10 days fit 2-minute steps (7,200 points), but a 5m window would then read 4 or 6 minutes.
    expect(planInterval({ rangeMs: 10 * DAY, shortestWindowMs: 5 * MINUTE }).interval).toBe('5m');
    expect(planInterval({ rangeMs: 10 * DAY, shortestWindowMs: 30 * MINUTE }).interval).toBe('2m');
    expect(planInterval({ rangeMs: 10 * DAY }).interval).toBe('2m');
  });

  it('says when the shortest window is finer than the limit allows (5m alerts on 90 days)', () => {
    const plan = planInterval({ rangeMs: 90 * DAY, shortestWindowMs: 5 * MINUTE });
    expect([plan.interval, plan.resolvesShortestWindow]).toEqual(['15m', false]);
  });

  it('follows a smaller point limit and a coarser scrape interval', () => {
    expect(planInterval({ rangeMs: 7 * DAY, pointLimit: 5000 }).interval).toBe('5m');
    expect(planInterval({ rangeMs: DAY, finestStepMs: 2 * MINUTE }).interval).toBe('2m');
  });

  it('takes the coarsest round step, and says so, for a window no round step fits (20 years)', () => {
    const plan = planInterval({ rangeMs: 20 * 365 * DAY });
    expect([plan.interval, plan.withinLimit, plan.maxDataPoints]).toEqual(['12h', false, PROMETHEUS_POINT_LIMIT]);
  });
});

describe('the windows of an SLO', () => {
  it('reads the longest range of rolling and calendar windows', () => {
    expect(longestRangeOf('30d')).toBe(30 * DAY);
    expect(longestRangeOf('1h30m')).toBe(90 * MINUTE);
    expect(longestRangeOf('calendar:month')).toBe(31 * DAY + HOUR);
    expect(longestRangeOf('nonsense')).toBeNull();
  });

  it('finds the shortest enabled alert window, and the time slice when the budget counts slices', () => {
    const tiers = [
      { shortWindow: '5m', enabled: false },
      { shortWindow: '30m', enabled: true },
    ];
    const objective = { window: '30d', budgetingMethod: 'Occurrences', timeSliceWindow: '1m' };
    expect(shortestWindowOf({ objective, alerting: { tiers } })).toBe(30 * MINUTE);
    expect(shortestWindowOf({ objective: { ...objective, budgetingMethod: 'Timeslices' }, alerting: { tiers } })).toBe(
      MINUTE
    );
    expect(shortestWindowOf({ objective, alerting: { tiers: [] } })).toBeUndefined();
  });
});
