/**
 * @jest-environment node
 */
/*
 * The app's interval plan (src/query/intervalPlan.ts) against Grafana's own computation of the
 * Prometheus step, as this host reproduces it: the step Grafana sends is the planned one, and
 * Prometheus' 11,000 points per series hold, for every SLO window from 1 hour to 400 days.
 */
import { dateTime, rangeUtil } from '@grafana/data';
import fc from 'fast-check';

import { planInterval, sloIntervalPlan } from '../../../src/query/intervalPlan';
import { alignTime, prometheusStep, SAFE_RESOLUTION } from './promInterval';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TO = Date.UTC(2025, 0, 31, 12, 7, 13);

/**
 * The step Grafana uses for a panel with this plan over `rangeMs`: the frontend's interval
 * (PanelQueryRunner, rangeUtil.calculateInterval), then the Prometheus backend's step from it
 * (the host's copy of Grafana's computation), for a builder query (min step = the plan's interval)
 * and a raw one (no min step: the request's intervalMs decides).
 */
function grafanaSteps(plan: { interval: string; maxDataPoints: number }, rangeMs: number) {
  const range = { from: dateTime(TO - rangeMs), to: dateTime(TO), raw: { from: '', to: '' } };
  const { intervalMs } = rangeUtil.calculateInterval(range, plan.maxDataPoints, plan.interval);
  const input = {
    fromMs: TO - rangeMs,
    toMs: TO,
    intervalMs,
    maxDataPoints: plan.maxDataPoints,
    intervalFactor: 1,
    scrapeInterval: '1m',
  };
  return {
    builder: prometheusStep({ ...input, minStep: plan.interval }),
    raw: prometheusStep({ ...input, minStep: '' }),
  };
}

function unit(duration: string): number {
  return duration.endsWith('h') ? HOUR : MINUTE;
}

describe("the interval plan in Grafana's hands", () => {
  it('makes Grafana use the planned step, within 11,000 points, for every window from 1 hour to 400 days', () => {
    const shortWindows = fc.constantFrom('1m', '2m', '3m', '5m', '10m', '30m', '1h', '2h', '6h');
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 400 * 24 * 60 }), shortWindows, (minutes, shortWindow) => {
        const rangeMs = minutes * MINUTE;
        const plan = planInterval({ rangeMs, shortestWindowMs: Number(shortWindow.slice(0, -1)) * unit(shortWindow) });
        const steps = grafanaSteps(plan, rangeMs);
        expect(steps).toEqual({ builder: plan.stepMs, raw: plan.stepMs });
        // Prometheus refuses (end - start) / step > 11,000 after Grafana aligns both to the step.
        const aligned = alignTime(TO, plan.stepMs, 0) - alignTime(TO - rangeMs, plan.stepMs, 0);
        expect(aligned / plan.stepMs).toBeLessThanOrEqual(SAFE_RESOLUTION);
        expect(plan.withinLimit).toBe(true);
      }),
      { numRuns: 2000 }
    );
  });

  it('avoids what a fixed 1m and 11,000 points gave: 14,400 points for 10 days, which Prometheus refuses', () => {
    const fixed = grafanaSteps({ interval: '1m', maxDataPoints: 11_000 }, 10 * DAY);
    expect(fixed.builder).toBe(MINUTE);
    const plan = planInterval({ rangeMs: 10 * DAY, shortestWindowMs: 5 * MINUTE });
    expect((10 * DAY) / grafanaSteps(plan, 10 * DAY).builder).toBe(2880);
  });

  it('holds for a calendar month so far, shorter than the longest month the plan is made for', () => {
    const plan = sloIntervalPlan({
      objective: { window: 'calendar:month', budgetingMethod: 'Occurrences', timeSliceWindow: '1m' },
      alerting: { tiers: [{ shortWindow: '5m', enabled: true }] },
    });
    for (const rangeMs of [HOUR, 3 * DAY, 28 * DAY, 31 * DAY + HOUR]) {
      expect(grafanaSteps(plan, rangeMs)).toEqual({ builder: 5 * MINUTE, raw: 5 * MINUTE });
    }
  });
});
