/**
 * Which windows the Prometheus rules of an SLO record, and from what: only the shortest windows
 * read the raw counters; longer ones average shorter recorded increases, so no rule re-reads 30 days
 * of raw samples.
 */
import { parseDuration, parseWindow, STANDARD_BURN_WINDOWS } from '../engine';
import type { AlertTierOption, SloSpec } from '../spec/types';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The increase every other window is built from, read from the raw counters. */
export const BASE_WINDOW = 5 * MINUTE;
/** The increase that windows of half a day and more are built from. */
export const HOURLY_WINDOW = HOUR;
/** A window is built from the longest recorded window that is at most this share of it. */
const SMOOTHING_SHARE = 12;

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

export type WindowSource = 'raw' | 'base' | 'hourly';

export interface RecordedWindow {
  ms: number;
  /** The `window` label and the range in PromQL, e.g. '1h'. */
  label: string;
  /** Raw counters, the recorded 5m increase, or the recorded 1h increase. */
  source: WindowSource;
}

function sourceOf(ms: number): WindowSource {
  if (ms <= BASE_WINDOW) {
    return 'raw';
  }
  return ms >= SMOOTHING_SHARE * HOURLY_WINDOW ? 'hourly' : 'base';
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
 * tier's windows, the SLO window, and the 5m and 1h increases the others are built from.
 */
export function recordedWindows(slo: SloSpec): RecordedWindow[] {
  const lengths = new Set<number>([
    BASE_WINDOW,
    ...STANDARD_BURN_WINDOWS.map((key) => durationMs(key, 'burn window')),
    ...tierWindows(slo.alerting.tiers),
    sloWindowLength(slo.objective.window).ms,
  ]);
  if ([...lengths].some((ms) => sourceOf(ms) === 'hourly')) {
    lengths.add(HOURLY_WINDOW);
  }
  return [...lengths].sort((a, b) => a - b).map((ms) => ({ ms, label: promDuration(ms), source: sourceOf(ms) }));
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
