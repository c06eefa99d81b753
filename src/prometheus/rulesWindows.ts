/**
 * Which windows the Prometheus rules of an SLO record, and from what: only windows of 5 minutes or
 * less read the raw counters; every longer one averages the recorded 5m increases, so no rule
 * re-reads 30 days of raw samples.
 */
import { parseDuration, parseWindow, STANDARD_BURN_WINDOWS } from '../engine';
import type { AlertTierOption, SloSpec } from '../spec/types';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The increase every longer window is built from, read from the raw counters. */
export const BASE_WINDOW = 5 * MINUTE;
/**
 * Windows from half a day on change slowly: their rules run every 5 minutes instead of every
 * minute, which divides their cost (they read one sample per minute of the window) by five.
 */
export const LONG_WINDOW = 12 * HOUR;

/**
 * Rolling stand-ins for calendar periods: a rule cannot follow month boundaries, so rules use a
 * fixed length (the engine uses the period's real length, 28 to 31 days for a month).
 */
const NOMINAL_CALENDAR: Record<'week' | 'month' | 'quarter', number> = {
  week: 7 * DAY,
  month: 30 * DAY,
  quarter: 90 * DAY,
};

const UNITS: ReadonlyArray<[string, number]> = [
  ['d', DAY],
  ['h', HOUR],
  ['m', MINUTE],
  ['s', SECOND],
  ['ms', 1],
];

/** A duration in one Prometheus unit ('90m', '1d', '90s'): every Prometheus version reads it. */
export function promDuration(ms: number): string {
  const [unit, size] = UNITS.find(([, length]) => ms % length === 0) ?? ['ms', 1];
  return `${ms / size}${unit}`;
}

/** A number as PromQL and people read it: 12 significant digits hide float noise (14.4, not 14.399999999999999). */
export function promNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

export interface SloWindowLength {
  ms: number;
  /** Whether `ms` stands in for a calendar period. */
  nominal: boolean;
}

/** The SLO window's length as rules use it; throws for a window that validation rejects. */
export function sloWindowLength(window: string): SloWindowLength {
  const parsed = parseWindow(window);
  if (parsed === null) {
    throw new Error(`objective.window: not a window: ${JSON.stringify(window)}; validate the SLO first`);
  }
  return parsed.kind === 'rolling'
    ? { ms: parsed.length, nominal: false }
    : { ms: NOMINAL_CALENDAR[parsed.period], nominal: true };
}

export interface RecordedWindow {
  ms: number;
  /** The `window` label and the range in PromQL, e.g. '1h'. */
  label: string;
  /** Read from the raw counters (5m and shorter), else built from the recorded 5m increase. */
  raw: boolean;
  /** Recorded in the group that runs every 5 minutes. */
  long: boolean;
}

function durationMs(text: string, field: string): number {
  const ms = parseDuration(text);
  if (ms === null) {
    throw new Error(`${field}: not a duration: ${JSON.stringify(text)}; validate the SLO first`);
  }
  return ms;
}

/** The windows of every tier (enabled or not: the panel shows their burn rates too). */
function tierWindows(tiers: readonly AlertTierOption[]): number[] {
  return tiers.flatMap((tier, index) => [
    durationMs(tier.longWindow, `alerting.tiers[${index}].longWindow`),
    durationMs(tier.shortWindow, `alerting.tiers[${index}].shortWindow`),
  ]);
}

/**
 * The windows recorded for an SLO, shortest first: the engine's burn-rate windows (5m … 3d), every
 * tier's windows, the SLO window, and the 5m increase the others are built from.
 */
export function recordedWindows(slo: SloSpec): RecordedWindow[] {
  const lengths = new Set<number>([
    BASE_WINDOW,
    ...STANDARD_BURN_WINDOWS.map((key) => durationMs(key, 'burn window')),
    ...tierWindows(slo.alerting.tiers),
    sloWindowLength(slo.objective.window).ms,
  ]);
  return [...lengths]
    .sort((a, b) => a - b)
    .map((ms) => ({ ms, label: promDuration(ms), raw: ms <= BASE_WINDOW, long: ms >= LONG_WINDOW }));
}

export interface TierThreshold {
  severity: AlertTierOption['severity'];
  long: RecordedWindow;
  short: RecordedWindow;
  /** Burn rate above which the tier fires: budgetShare × window / longWindow (docs/engine.md). */
  factor: number;
  /** The tier's share of the budget, as a fraction. */
  budgetShare: number;
}

/** The enabled tiers with their burn-rate factors, computed as the engine does. */
export function tierThresholds(slo: SloSpec): TierThreshold[] {
  const windows = recordedWindows(slo);
  const windowOf = (ms: number): RecordedWindow => {
    const found = windows.find((window) => window.ms === ms);
    if (!found) {
      throw new Error(`tierThresholds: window ${ms} ms is not recorded`);
    }
    return found;
  };
  const sloLength = sloWindowLength(slo.objective.window).ms;
  return slo.alerting.tiers.flatMap((tier, index) => {
    if (!tier.enabled) {
      return [];
    }
    const long = windowOf(durationMs(tier.longWindow, `alerting.tiers[${index}].longWindow`));
    const short = windowOf(durationMs(tier.shortWindow, `alerting.tiers[${index}].shortWindow`));
    const budgetShare = tier.budgetShare / 100;
    return [{ severity: tier.severity, long, short, factor: (budgetShare * sloLength) / long.ms, budgetShare }];
  });
}
