/**
 * The engine's public types. Times are milliseconds since the epoch; every number in a result is
 * finite, and a value that is undefined (no events, data problems) is `null`.
 */

/** One series of event counts, as a datasource returns it. */
export interface SeriesInput {
  times: ArrayLike<number>;
  values: ArrayLike<number>;
  /**
   * `counter`: cumulative samples; the increment at i is v[i] - v[i-1], or v[i] after a reset.
   * `increment`: each value counts the events in the interval that ends at its timestamp.
   */
  kind: 'counter' | 'increment';
}

export type BudgetingMethod = 'Occurrences' | 'Timeslices' | 'RatioTimeslices';

export interface Objective {
  /** The fraction of good events to meet, in (0, 1), e.g. 0.999. */
  target: number;
  /**
   * A rolling duration ('30d', '28d', '7d', '4w', '12h') or a calendar period
   * ('calendar:week', 'calendar:month', 'calendar:quarter'); weeks start on Monday.
   */
  window: string;
  /** IANA time zone for calendar windows; default 'UTC'. */
  timeZone?: string;
  /** Default 'Occurrences'. */
  budgetingMethod?: BudgetingMethod;
  /** Slice length for the timeslice methods, e.g. '5m' (default '1m'). */
  timeSliceWindow?: string;
  /** Timeslices: a slice is good when its good/total ratio is at least this; default = target. */
  timeSliceTarget?: number;
}

export type Severity = 'page' | 'ticket';

/**
 * A multiwindow burn-rate alert tier. Give either `factor` (a burn rate) or `budgetShare` (the
 * fraction of the budget the long window may spend), from which factor = share × window / long.
 */
export interface AlertTier {
  severity: Severity;
  longWindow: string;
  shortWindow: string;
  factor?: number;
  budgetShare?: number;
}

export interface SloInput {
  good?: SeriesInput[];
  bad?: SeriesInput[];
  total: SeriesInput[];
  objective: Objective;
  /** End of the evaluation (inclusive). */
  at: number;
  alertTiers?: AlertTier[];
  /** Low-traffic guard: a tier fires only when its long window holds at least this many events. */
  minEvents?: number;
  /** Number of points of the chart series (default 720). */
  chartPoints?: number;
}

export interface EventCounts {
  good: number;
  bad: number;
  total: number;
}

export interface ErrorBudget {
  /** Bad events (or bad slices) the objective allows so far. */
  allowed: number;
  /** Fraction of the allowed budget spent; null when nothing is allowed yet. */
  consumed: number | null;
  /** 1 - consumed; below 0 once the budget is overspent. */
  remaining: number | null;
}

export interface AlertState {
  severity: Severity;
  longWindow: string;
  shortWindow: string;
  factor: number;
  /** The share of the SLO window's budget the long window spends at `factor`. */
  budgetShare: number;
  longBurnRate: number | null;
  shortBurnRate: number | null;
  firing: boolean;
}

/** From the first evaluation time at which a tier fired to the first at which it no longer did (or `at`). */
export interface FiringPeriod {
  start: number;
  end: number;
}

export type DataProblem =
  | { kind: 'goodExceedsTotal' | 'badExceedsTotal'; scope: 'window' | 'buckets' | 'slices'; count: number }
  | { kind: 'negativeIncrement'; series: 'good' | 'bad' | 'total'; count: number };

export interface SloSeries {
  /** End time of each chart bucket; bucket i covers (times[i] - step, times[i]]. */
  times: number[];
  step: number;
  events: { good: number[]; total: number[] };
  /** good / total within each bucket. */
  sli: Array<number | null>;
  /** Remaining budget counting the window's events up to each time (the burndown). */
  errorBudgetRemaining: Array<number | null>;
  /** Burn rate at each time, per window key of the alert tiers. */
  burnRate: Record<string, Array<number | null>>;
  /** Per alert tier (same order as `alerts`), the periods in which it fired within the window. */
  firing: FiringPeriod[][];
}

export interface SloEvaluation {
  window: {
    /** Exclusive start: events with at - W < t <= at belong to the window. */
    start: number;
    end: number;
    /** Full length of the window (for a calendar window, of the whole period). */
    length: number;
    key: string;
    calendar: boolean;
  };
  budgetingMethod: BudgetingMethod;
  events: EventCounts;
  sli: number | null;
  errorBudget: ErrorBudget;
  /** Keyed '5m' … '3d', every tier window and the SLO window's key. */
  burnRate: Record<string, number | null>;
  alerts: AlertState[];
  /** Milliseconds until the budget is spent at the 1h burn rate. */
  timeToExhaustion: number | null;
  /** Fraction of the window (from its start to `at`) that has samples. */
  coverage: number;
  /** Timeslice methods: the slices that count, and what they earned (1 per good slice, or its ratio). */
  slices: { total: number; good: number } | null;
  dataProblems: DataProblem[];
  /** Grid step (ms) at which firing periods are evaluated. */
  resolution: number;
  /**
   * The data's sample spacing (ms): the median step between samples of the total series, or null
   * with fewer than 2 samples. Burn-rate windows shorter than it are read over it.
   */
  dataStep: number | null;
  series: SloSeries;
}
