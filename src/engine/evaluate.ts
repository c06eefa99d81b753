import { DEFAULT_ALERT_TIERS, resolveAlertTiers, type ResolvedTier } from './alertTiers';
import { coverage } from './coverage';
import { parseDuration } from './duration';
import { checkObjective } from './objective';
import { budgetOf, burnRateOf, nullIfNaN, splitEvents, type MeasuredRole } from './ratio';
import { chartSeries, resolutionFor, type EventGrids } from './chart';
import { CumulativeGrid, Grid, prepareRole, sampleSpacing, type IncrementSeries } from './series';
import { evaluateSlices } from './timeslices';
import type { AlertState, DataProblem, SloEvaluation, SloInput } from './types';
import { resolveWindow } from './window';

/** Burn rates every evaluation reports, besides the tiers' windows and the SLO window. */
export const STANDARD_BURN_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;

const DEFAULT_CHART_POINTS = 720;

/** What every window computation needs: the counts and how to read them. */
export interface SloCounts {
  role: MeasuredRole;
  measured: IncrementSeries[];
  total: IncrementSeries[];
  /** 1 - target: the bad fraction the objective allows. */
  errorRate: number;
}

/**
 * Evaluates an SLO at `at` from good (or bad) and total event counts: SLI, error budget, burn
 * rates, alert tiers and the series charts draw. See docs/engine.md for the exact contract.
 */
export function evaluateSlo(input: SloInput): SloEvaluation {
  if (typeof input !== 'object' || input === null) {
    throw new Error('input: must be an object { good or bad, total, objective, at }');
  }
  const objective = checkObjective(input.objective);
  const { at } = input;
  if (typeof at !== 'number' || !Number.isFinite(at)) {
    throw new Error(`at: must be a time in milliseconds since the epoch, got ${JSON.stringify(at)}`);
  }
  const role = measuredRole(input);
  const measured = prepareRole(input[role], role);
  const total = prepareRole(input.total, 'total');
  const minEvents = input.minEvents ?? 0;
  if (typeof minEvents !== 'number' || !(minEvents >= 0 && Number.isFinite(minEvents))) {
    throw new Error(`minEvents: must be a number of events, 0 or more, got ${JSON.stringify(minEvents)}`);
  }
  const chartPoints = input.chartPoints ?? DEFAULT_CHART_POINTS;
  if (!Number.isInteger(chartPoints) || chartPoints < 1) {
    throw new Error(`chartPoints: must be a whole number, 1 or more, got ${JSON.stringify(chartPoints)}`);
  }

  const window = resolveWindow(objective.window, at, objective.timeZone);
  const tiers = resolveAlertTiers(input.alertTiers ?? DEFAULT_ALERT_TIERS, window.length);
  const counts: SloCounts = {
    role,
    measured: measured.series,
    total: total.series,
    errorRate: 1 - objective.target,
  };
  const dataProblems: DataProblem[] = [];
  if (measured.negativeIncrements > 0) {
    dataProblems.push({ kind: 'negativeIncrement', series: role, count: measured.negativeIncrements });
  }
  if (total.negativeIncrements > 0) {
    dataProblems.push({ kind: 'negativeIncrement', series: 'total', count: total.negativeIncrements });
  }
  const exceedsTotal = role === 'good' ? 'goodExceedsTotal' : 'badExceedsTotal';

  // A window shorter than the data's spacing holds a sample only part of the time: read it over one spacing.
  const dataStep = sampleSpacing(counts.total);
  // Cumulative counts on a grid that ends at `at` and reaches back the longest tier window (as
  // read, so at least the spacing) before the SLO window: every window below is a difference of
  // two lookups.
  const longest = tiers.length === 0 ? 0 : Math.max(dataStep ?? 0, ...tiers.map((tier) => tier.long));
  const resolution = resolutionFor(at - window.start + longest);
  const gridSteps = Math.ceil((at - window.start) / resolution) + Math.ceil(longest / resolution);
  const grid = new Grid(at, resolution, gridSteps);
  const grids: EventGrids = {
    measured: new CumulativeGrid(counts.measured, grid),
    total: new CumulativeGrid(counts.total, grid),
  };
  const since = (from: number) => ({
    measured: grids.measured.sums[gridSteps] - grids.measured.upTo(from),
    total: grids.total.sums[gridSteps] - grids.total.upTo(from),
  });

  const inWindow = since(window.start);
  const events = splitEvents(role, inWindow.measured, inWindow.total);
  if (!events.consistent) {
    dataProblems.push({ kind: exceedsTotal, scope: 'window', count: 1 });
  }
  const burnRate: Record<string, number | null> = {};
  const longWindowTotal = new Map<string, number>();
  for (const [key, length] of burnWindowLengths(tiers)) {
    const counted = since(at - readLength(length, dataStep));
    burnRate[key] = nullIfNaN(burnRateOf(role, counted.measured, counted.total, counts.errorRate));
    longWindowTotal.set(key, counted.total);
  }
  // The tiers read their windows as widened, even one that shares its key with the SLO window.
  const tierBurnRate = { ...burnRate };
  burnRate[objective.windowKey] = nullIfNaN(burnRateOf(role, inWindow.measured, inWindow.total, counts.errorRate));

  const slices =
    objective.budgetingMethod === 'Occurrences' ? null : evaluateSlices(counts, objective, window.start, at);
  if (slices && slices.inconsistent > 0) {
    dataProblems.push({ kind: exceedsTotal, scope: 'slices', count: slices.inconsistent });
  }
  const errorBudget = slices
    ? budgetOf(slices.total, slices.total - slices.good, counts.errorRate)
    : events.consistent
      ? budgetOf(events.total, events.bad, counts.errorRate)
      : { allowed: counts.errorRate * events.total, consumed: null, remaining: null };
  const sli = slices
    ? slices.total > 0
      ? slices.good / slices.total
      : null
    : events.consistent && events.total > 0
      ? events.good / events.total
      : null;

  const alerts: AlertState[] = tiers.map((tier) => {
    const longBurnRate = tierBurnRate[tier.longWindow];
    const shortBurnRate = tierBurnRate[tier.shortWindow];
    return {
      severity: tier.severity,
      longWindow: tier.longWindow,
      shortWindow: tier.shortWindow,
      factor: tier.factor,
      budgetShare: tier.budgetShare,
      longBurnRate,
      shortBurnRate,
      firing:
        (longWindowTotal.get(tier.longWindow) ?? 0) >= minEvents &&
        longBurnRate !== null &&
        shortBurnRate !== null &&
        longBurnRate > tier.factor &&
        shortBurnRate > tier.factor,
    };
  });

  const chart = chartSeries({
    counts,
    grids,
    start: window.start,
    tiers,
    chartPoints,
    minEvents,
    slices,
    dataStep,
  });
  if (chart.inconsistentBuckets > 0) {
    dataProblems.push({ kind: exceedsTotal, scope: 'buckets', count: chart.inconsistentBuckets });
  }

  return {
    window: {
      start: window.start,
      end: at,
      length: window.length,
      key: objective.windowKey,
      calendar: objective.window.kind === 'calendar',
    },
    budgetingMethod: objective.budgetingMethod,
    events: { good: events.good, bad: events.bad, total: events.total },
    sli,
    errorBudget,
    burnRate,
    alerts,
    timeToExhaustion: timeToExhaustion(errorBudget.remaining, burnRate['1h'], window.length),
    coverage: coverage(counts.total, window.start, at),
    slices: slices && { total: slices.total, good: slices.good },
    dataProblems,
    resolution,
    dataStep,
    series: chart.series,
  };
}

function measuredRole(input: SloInput): MeasuredRole {
  const hasGood = input.good !== undefined;
  const hasBad = input.bad !== undefined;
  if (hasGood === hasBad) {
    throw new Error(`good, bad: give exactly one of good and bad, got ${hasGood ? 'both' : 'neither'}`);
  }
  return hasGood ? 'good' : 'bad';
}

/** The length a burn-rate window of `length` is read over: at least one sample spacing. */
export function readLength(length: number, dataStep: number | null): number {
  return dataStep !== null && length < dataStep ? dataStep : length;
}

/** The standard burn-rate windows and every tier window, by key. */
function burnWindowLengths(tiers: ResolvedTier[]): Map<string, number> {
  const lengths = new Map<string, number>();
  for (const key of STANDARD_BURN_WINDOWS) {
    lengths.set(key, parseDuration(key) ?? 0);
  }
  for (const tier of tiers) {
    lengths.set(tier.longWindow, tier.long);
    lengths.set(tier.shortWindow, tier.short);
  }
  return lengths;
}

function timeToExhaustion(remaining: number | null, burnRate1h: number | null, windowLength: number): number | null {
  if (remaining === null) {
    return null;
  }
  if (remaining <= 0) {
    return 0;
  }
  return burnRate1h ? (remaining * windowLength) / burnRate1h : null;
}
