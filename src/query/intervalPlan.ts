/**
 * The query interval of an SLO's panel: the min interval and max data points that make Grafana's
 * step a known round value, as fine as the shortest window the evaluation reads and never over the
 * datasource's limit of points per series.
 *
 * Grafana's Prometheus backend takes range / maxDataPoints, rounds it to a round interval, keeps it
 * at least the min interval, and raises it to range / 11,000 rounded the same way. That rounding
 * can go down (10 days / 11,000 = 78.5 s rounds to 1m: 14,400 points, which Prometheus refuses).
 * A round min interval S with range / S within the limit and maxDataPoints >= range / S leaves
 * Grafana nothing to round: the step is S, in the frontend and the backend alike.
 */
import { parseDuration, parseWindow } from '../engine';
import { MAX_DATA_POINTS, QUERY_INTERVAL } from '../spec/libraryPanelModel';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Prometheus refuses a range query over this many points per series. */
export const PROMETHEUS_POINT_LIMIT = MAX_DATA_POINTS;

/**
 * Grafana's round intervals that its rounding (gtime.RoundInterval, rangeutil.roundInterval) keeps
 * as they are. A day is not one: Grafana rounds 1d down to 12h.
 */
const ROUND_STEPS = [1, 2, 5, 10, 15, 20, 30]
  .map((minutes) => minutes * MINUTE)
  .concat([1, 2, 3, 6, 12].map((hours) => hours * HOUR));

/**
 * Calendar periods at their longest: 31-day months, 92-day quarters, and an hour more for the day
 * on which daylight saving time ends.
 */
const LONGEST_PERIOD = { week: 7 * DAY + HOUR, month: 31 * DAY + HOUR, quarter: 92 * DAY + HOUR } as const;

export interface IntervalPlanInput {
  /** The longest range the panel queries, in ms. */
  rangeMs: number;
  /** The shortest window the evaluation reads (ms), if any: the step should divide it. */
  shortestWindowMs?: number;
  /** Points per series the datasource accepts; Prometheus' 11,000 by default. */
  pointLimit?: number;
  /** The finest step worth asking for (ms): the scrape interval; 1 minute by default. */
  finestStepMs?: number;
}

export interface IntervalPlan {
  /** The panel's min interval and the builder queries' min step, e.g. '5m'. */
  interval: string;
  /** The step Grafana then uses, in ms. */
  stepMs: number;
  /** At least range / step, so that Grafana's own division never rounds above the step. */
  maxDataPoints: number;
  /** The step divides the shortest window, so that window reads whole steps. */
  resolvesShortestWindow: boolean;
  /** The longest range at this step stays within the point limit (false only beyond 15 years). */
  withinLimit: boolean;
}

function formatStep(stepMs: number): string {
  return stepMs % HOUR === 0 ? `${stepMs / HOUR}h` : `${stepMs / MINUTE}m`;
}

/**
 * The finest round step within the point limit that divides the shortest window; when none does
 * (the limit forces a step longer than that window), the finest round step within the limit.
 */
export function planInterval(input: IntervalPlanInput): IntervalPlan {
  const limit = input.pointLimit ?? PROMETHEUS_POINT_LIMIT;
  const finest = input.finestStepMs ?? MINUTE;
  const rangeMs = Math.max(input.rangeMs, 1);
  const candidates = ROUND_STEPS.filter((step) => step >= finest);
  const fitting = candidates.filter((step) => Math.ceil(rangeMs / step) <= limit);
  const shortest = input.shortestWindowMs;
  const divides = (step: number) => shortest !== undefined && shortest % step === 0;
  const stepMs = fitting.find(divides) ?? fitting[0] ?? candidates[candidates.length - 1];
  return {
    interval: formatStep(stepMs),
    stepMs,
    maxDataPoints: Math.min(limit, Math.ceil(rangeMs / stepMs)),
    resolvesShortestWindow: divides(stepMs),
    withinLimit: fitting.includes(stepMs),
  };
}

/** The longest range of an SLO window: the rolling duration, or the calendar period at its longest. */
export function longestRangeOf(window: string): number | null {
  const parsed = parseWindow(window);
  if (parsed === null) {
    return null;
  }
  return parsed.kind === 'rolling' ? parsed.length : LONGEST_PERIOD[parsed.period];
}

export interface SloWindows {
  objective: { window: string; budgetingMethod: string; timeSliceWindow: string };
  alerting: { tiers: ReadonlyArray<{ shortWindow: string; enabled: boolean }> };
}

/**
 * The shortest window an SLO's evaluation reads: the short windows of its enabled alert tiers, and
 * the time slice when the budget counts slices.
 */
export function shortestWindowOf({ objective, alerting }: SloWindows): number | undefined {
  const windows = alerting.tiers.filter((tier) => tier.enabled).map((tier) => tier.shortWindow);
  if (objective.budgetingMethod !== 'Occurrences') {
    windows.push(objective.timeSliceWindow);
  }
  const lengths = windows.map(parseDuration).filter((length): length is number => length !== null);
  return lengths.length > 0 ? Math.min(...lengths) : undefined;
}

/** The plan of an SLO's panel, for a datasource that takes `pointLimit` points per series. */
export function sloIntervalPlan(slo: SloWindows, pointLimit = PROMETHEUS_POINT_LIMIT): IntervalPlan {
  // A valid SLO always has a window; a broken one gets the plan of the longest calendar period.
  const rangeMs = longestRangeOf(slo.objective.window) ?? LONGEST_PERIOD.quarter;
  return planInterval({
    rangeMs,
    shortestWindowMs: shortestWindowOf(slo),
    pointLimit,
    finestStepMs: parseDuration(QUERY_INTERVAL) ?? MINUTE,
  });
}
