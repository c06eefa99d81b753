import type { ResolvedTier } from './alertTiers';
import type { SloCounts } from './evaluate';
import { budgetOf, burnRateOf, nullIfNaN, splitEvents } from './ratio';
import type { CumulativeGrid } from './series';
import type { SliceEvaluation } from './timeslices';
import type { FiringPeriod, SloSeries } from './types';

const MINUTE = 60_000;
const RESOLUTIONS = [MINUTE, 5 * MINUTE, 15 * MINUTE, 60 * MINUTE, 360 * MINUTE, 1440 * MINUTE];
const MAX_GRID_STEPS = 200_000;

/** The finest standard step that keeps the evaluation grid within MAX_GRID_STEPS. */
export function resolutionFor(span: number): number {
  const coarsest = RESOLUTIONS[RESOLUTIONS.length - 1];
  return (
    RESOLUTIONS.find((step) => span / step <= MAX_GRID_STEPS) ?? Math.ceil(span / MAX_GRID_STEPS / coarsest) * coarsest
  );
}

export interface EventGrids {
  measured: CumulativeGrid;
  total: CumulativeGrid;
}

interface ChartRequest {
  counts: SloCounts;
  grids: EventGrids;
  /** Exclusive start of the SLO window; the grids end at `at`. */
  start: number;
  tiers: ResolvedTier[];
  chartPoints: number;
  minEvents: number;
  slices: SliceEvaluation | null;
  /** The data's sample spacing: shorter burn-rate windows are read over it. */
  dataStep: number | null;
}

/** The series charts draw, all read off the grids (which reach back the longest tier window before the SLO window). */
export function chartSeries(request: ChartRequest): { series: SloSeries; inconsistentBuckets: number } {
  const { counts, grids, start, tiers, chartPoints, minEvents, slices, dataStep } = request;
  const { edges, step: resolution, steps: gridSteps } = grids.total.grid;
  const at = edges[gridSteps];
  const measuredAt = grids.measured.sums;
  const totalAt = grids.total.sums;
  const elapsedSteps = Math.ceil((at - start) / resolution);
  const firstStep = gridSteps - elapsedSteps + 1;
  // A window widened to the spacing is rounded up, so that it still holds a sample at every step.
  const stepsOf = (length: number) =>
    dataStep !== null && length < dataStep
      ? Math.max(1, Math.ceil(dataStep / resolution))
      : Math.max(1, Math.round(length / resolution));
  const burnRateAt = (k: number, steps: number) => {
    const from = Math.max(0, k - steps);
    return burnRateOf(counts.role, measuredAt[k] - measuredAt[from], totalAt[k] - totalAt[from], counts.errorRate);
  };

  const firing = tiers.map((tier) =>
    firingPeriods({
      counts,
      grids,
      firstStep,
      long: stepsOf(tier.long),
      short: stepsOf(tier.short),
      factor: tier.factor,
      minEvents,
    })
  );

  // Chart points lie on the grid: the chart step is a whole number of grid steps, counted back from `at`.
  const stepsPerPoint = Math.ceil(elapsedSteps / chartPoints);
  const step = stepsPerPoint * resolution;
  const points = Math.ceil((at - start) / step);
  const pointSteps = Array.from({ length: points }, (_, i) => gridSteps - (points - 1 - i) * stepsPerPoint);
  const times = pointSteps.map((k) => edges[k]);

  const burnRate: Record<string, Array<number | null>> = {};
  for (const tier of tiers) {
    burnRate[tier.longWindow] ??= pointSteps.map((k) => nullIfNaN(burnRateAt(k, stepsOf(tier.long))));
    burnRate[tier.shortWindow] ??= pointSteps.map((k) => nullIfNaN(burnRateAt(k, stepsOf(tier.short))));
  }

  // The first bucket and the burndown start exactly at the window's start, which may lie between edges.
  const measuredAtStart = grids.measured.upTo(start);
  const totalAtStart = grids.total.upTo(start);
  const good: number[] = [];
  const total: number[] = [];
  const sli: Array<number | null> = [];
  const errorBudgetRemaining: Array<number | null> = [];
  let inconsistentBuckets = 0;
  let previousMeasured = measuredAtStart;
  let previousTotal = totalAtStart;
  for (const k of pointSteps) {
    const bucket = splitEvents(counts.role, measuredAt[k] - previousMeasured, totalAt[k] - previousTotal);
    good.push(bucket.good);
    total.push(bucket.total);
    sli.push(bucket.consistent && bucket.total > 0 ? bucket.good / bucket.total : null);
    inconsistentBuckets += bucket.consistent ? 0 : 1;
    previousMeasured = measuredAt[k];
    previousTotal = totalAt[k];
    if (!slices) {
      const sofar = splitEvents(counts.role, measuredAt[k] - measuredAtStart, totalAt[k] - totalAtStart);
      errorBudgetRemaining.push(sofar.consistent ? budgetOf(sofar.total, sofar.bad, counts.errorRate).remaining : null);
    }
  }

  return {
    series: {
      times,
      step,
      events: { good, total },
      sli,
      errorBudgetRemaining: slices ? sliceBurndown(slices, times, counts.errorRate) : errorBudgetRemaining,
      burnRate,
      firing,
    },
    inconsistentBuckets,
  };
}

interface FiringRequest {
  counts: SloCounts;
  grids: EventGrids;
  /** The first grid step inside the SLO window. */
  firstStep: number;
  /** The tier's windows and factor, in grid steps. */
  long: number;
  short: number;
  factor: number;
  minEvents: number;
}

/** The periods in which a tier fired, evaluated at every grid step of the SLO window. */
function firingPeriods(request: FiringRequest): FiringPeriod[] {
  const { counts, grids, firstStep, long, short, factor, minEvents } = request;
  // Plain locals: this loop runs for every grid step of every tier.
  const { role, errorRate } = counts;
  const measuredAt = grids.measured.sums;
  const totalAt = grids.total.sums;
  const { edges, steps } = grids.total.grid;
  const measuresBad = role === 'bad';
  // A window burns faster than the factor only if its bad events exceed this share of its events;
  // checking that first spares the exact burn rates on most steps. The margin covers rounding.
  const badShare = factor * errorRate * (1 - 1e-9);
  const periods: FiringPeriod[] = [];
  let firingSince = NaN;
  for (let k = firstStep; k <= steps; k++) {
    const from = k > long ? k - long : 0;
    const total = totalAt[k] - totalAt[from];
    const measured = measuredAt[k] - measuredAt[from];
    const bad = measuresBad ? measured : total - measured;
    let fires = total > 0 && total >= minEvents && bad > badShare * total;
    if (fires) {
      const fromShort = k > short ? k - short : 0;
      fires =
        burnRateOf(role, measured, total, errorRate) > factor &&
        burnRateOf(role, measuredAt[k] - measuredAt[fromShort], totalAt[k] - totalAt[fromShort], errorRate) > factor;
    }
    if (fires && Number.isNaN(firingSince)) {
      firingSince = edges[k];
    } else if (!fires && !Number.isNaN(firingSince)) {
      periods.push({ start: firingSince, end: edges[k] });
      firingSince = NaN;
    }
  }
  if (!Number.isNaN(firingSince)) {
    periods.push({ start: firingSince, end: edges[steps] });
  }
  return periods;
}

/** Budget remaining at each time, counting the slices that have ended by then. */
function sliceBurndown(slices: SliceEvaluation, times: number[], errorRate: number): Array<number | null> {
  let j = 0;
  let counted = 0;
  let earned = 0;
  return times.map((time) => {
    while (j < slices.ends.length && slices.ends[j] <= time) {
      counted += slices.counted[j];
      earned += slices.earned[j];
      j++;
    }
    return budgetOf(counted, counted - earned, errorRate).remaining;
  });
}
