/** One SLO on the overview: the engine's evaluation of its tiles over the SLO window, reduced to what the overview shows. */
import { evaluateSlo, type EventCounts, type SloEvaluation } from '../engine';
import { objectiveFromOptions } from '../panels/slo/sloInput';
import { defaultSloPanelOptions } from '../panels/slo/types';
import type { SloSpec } from '../spec/types';
import { budgetBucket, type BudgetBucket } from './buckets';
import type { SloTiles } from './tiles';

/** Points of the remaining-budget sparkline. */
export const SPARKLINE_POINTS = 48;

/**
 * - ok: evaluated, with events (as many as the SLO's minimum events, if it sets one).
 * - noData: no tiles, or no sample in the SLO window.
 * - tooFewEvents: samples, but no events or fewer than the SLO's minimum events (as the panel says).
 * - invalid: the SLO or its tiles cannot be evaluated; `message` names the field.
 */
export type OverviewState = 'ok' | 'noData' | 'tooFewEvents' | 'invalid';

export interface Sparkline {
  /** End time of each point (ms). */
  times: number[];
  /** Remaining budget at each time; null is a gap (nothing counted yet, or undefined). */
  remaining: Array<number | null>;
}

export interface OverviewSlo {
  uid: string;
  name: string;
  service: string;
  team: string;
  labels: Record<string, string>;
  /** Percent, as the spec has it (99.9). */
  target: number;
  window: string;
  timeZone: string;
  state: OverviewState;
  /** Why the SLO is 'invalid'; null otherwise. */
  message: string | null;
  /** Events in the SLO window (zeros without an evaluation). */
  events: EventCounts;
  /** The following are null unless the state is 'ok' (and then null where the engine's is). */
  sli: number | null;
  /** Remaining error budget, a fraction; below 0 when overspent. */
  remaining: number | null;
  /** 'noData' unless the state is 'ok'. */
  bucket: BudgetBucket;
  /** sli >= target; null without an SLI. */
  meetsObjective: boolean | null;
  /** When the budget runs out at the last hour's burn rate; null when not burning or already spent. */
  exhaustionAt: number | null;
  burnRate1h: number | null;
  /** Remaining budget over the window so far; empty without an evaluation. */
  sparkline: Sparkline;
}

export interface SloOverviewOptions {
  /** Sparkline points (default SPARKLINE_POINTS). */
  chartPoints?: number;
}

/** The SLO at `at` (ms) from its tiles; null tiles (not loaded, or failed) give 'noData'. Never throws. */
export function sloOverview(
  spec: SloSpec,
  tiles: SloTiles | null,
  at: number,
  { chartPoints = SPARKLINE_POINTS }: SloOverviewOptions = {}
): OverviewSlo {
  const base = {
    uid: spec.uid,
    name: spec.name,
    service: spec.service,
    team: spec.team,
    labels: spec.labels,
    target: spec.objective.target,
    window: spec.objective.window,
    timeZone: spec.objective.timeZone,
  };
  const blank: OverviewSlo = {
    ...base,
    state: 'noData',
    message: null,
    events: { good: 0, bad: 0, total: 0 },
    sli: null,
    remaining: null,
    bucket: 'noData',
    meetsObjective: null,
    exhaustionAt: null,
    burnRate1h: null,
    sparkline: { times: [], remaining: [] },
  };
  // The panel's own mapping from options to engine input, so both show the same numbers.
  const { timeZone, ...objectiveOptions } = spec.objective;
  const input = objectiveFromOptions(
    { ...defaultSloPanelOptions, objective: objectiveOptions, alerting: spec.alerting },
    (text) => text,
    timeZone
  );
  if (!input.ok) {
    return { ...blank, state: 'invalid', message: input.message };
  }
  if (tiles === null) {
    return blank;
  }
  let evaluation: SloEvaluation;
  try {
    evaluation = evaluateSlo({
      ...tiles,
      objective: input.objective,
      at,
      // The overview shows no alert state, and tiers change none of its numbers (the 1h burn rate is
      // a standard window), but evaluating them at every minute of the window costs about 20 times
      // the rest. The tier options are still checked above, as the panel checks them.
      alertTiers: [],
      minEvents: input.minEvents,
      chartPoints: Math.max(1, Math.round(chartPoints)),
    });
  } catch (error) {
    return { ...blank, state: 'invalid', message: error instanceof Error ? error.message : String(error) };
  }
  const sparkline: Sparkline = {
    times: evaluation.series.times,
    remaining: evaluation.series.errorBudgetRemaining.map(finiteOrNull),
  };
  const { events } = evaluation;
  if (![events.good, events.bad, events.total].every(Number.isFinite)) {
    // Counts near Number.MAX_VALUE add up to Infinity: no number the overview could show.
    return { ...blank, state: 'invalid', message: 'tiles: the event counts add up to more than a number can hold' };
  }
  if (evaluation.coverage === 0) {
    return { ...blank, events, sparkline };
  }
  if (events.total === 0 || events.total < input.minEvents) {
    return { ...blank, state: 'tooFewEvents', events, sparkline };
  }
  const sli = finiteOrNull(evaluation.sli);
  const remaining = finiteOrNull(evaluation.errorBudget.remaining);
  const toExhaustion = finiteOrNull(evaluation.timeToExhaustion);
  const exhaustionAt = toExhaustion !== null && toExhaustion > 0 ? finiteOrNull(at + toExhaustion) : null;
  return {
    ...blank,
    state: 'ok',
    events,
    sli,
    remaining,
    bucket: budgetBucket(remaining),
    meetsObjective: sli === null ? null : meetsTarget(sli, spec.objective.target),
    exhaustionAt,
    burnRate1h: finiteOrNull(evaluation.burnRate['1h'] ?? null),
    sparkline,
  };
}

/** Float rounding of percent / 100 (99.9 / 100 is 0.9990000000000001), far below any SLI that matters. */
const TARGET_TOLERANCE = 1e-12;

/** sli (a fraction) >= target (percent): an SLI of exactly 999/1000 meets 99.9. */
export function meetsTarget(sli: number, targetPercent: number): boolean {
  return sli >= targetPercent / 100 - TARGET_TOLERANCE;
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}
