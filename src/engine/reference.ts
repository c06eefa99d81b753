/**
 * A naive, test-only reference for `evaluateSlo`, written from docs/engine.md alone (not from the
 * engine's code) so that the property tests compare two independent readings of the contract.
 * It is meant to be obviously correct, not fast: every window sum loops over the samples with the
 * literal condition `a < t && t <= b`, and nothing is cached across windows.
 */
import {
  AlertState,
  AlertTier,
  DataProblem,
  EventCounts,
  FiringPeriod,
  SeriesInput,
  SloEvaluation,
  SloInput,
} from './types';

/** Where the chart and the firing periods are evaluated: grid choices made by the engine. */
export interface ChartGrid {
  resolution: number;
  chartTimes: number[];
  chartStep: number;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

const parsedDurations = new Map<string, number>();

export function referenceDuration(text: string): number {
  const known = parsedDurations.get(text);
  if (known !== undefined) {
    return known;
  }
  const parsed = parseDuration(text);
  parsedDurations.set(text, parsed);
  return parsed;
}

function parseDuration(text: string): number {
  const part = /(\d+)(ms|s|m|h|d|w)/g;
  let total = 0;
  let consumed = 0;
  for (let match = part.exec(text); match !== null; match = part.exec(text)) {
    if (match.index !== consumed) {
      throw new Error(`not a duration: ${text}`);
    }
    total += Number(match[1]) * UNIT_MS[match[2]];
    consumed += match[0].length;
  }
  if (consumed !== text.length || consumed === 0) {
    throw new Error(`not a duration: ${text}`);
  }
  return total;
}

export const REFERENCE_DEFAULT_TIERS: AlertTier[] = [
  { severity: 'page', longWindow: '1h', shortWindow: '5m', budgetShare: 0.02 },
  { severity: 'page', longWindow: '6h', shortWindow: '30m', budgetShare: 0.05 },
  { severity: 'ticket', longWindow: '1d', shortWindow: '2h', budgetShare: 0.1 },
  { severity: 'ticket', longWindow: '3d', shortWindow: '6h', budgetShare: 0.1 },
];

const FIXED_BURN_RATE_KEYS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'];
const RESOLUTIONS = ['1m', '5m', '15m', '1h', '6h', '1d'].map(referenceDuration);
const UNDEFINED_TOLERANCE = 1e-9;

/** The increments of one series: at times[i], counts[i] events. */
interface Increments {
  times: number[];
  counts: number[];
}

function seriesIncrements(series: SeriesInput): { increments: Increments; negatives: number } {
  const increments: Increments = { times: [], counts: [] };
  let negatives = 0;
  let previous: number | null = null;
  for (let i = 0; i < series.values.length; i++) {
    const value = series.values[i];
    if (!Number.isFinite(value)) {
      continue;
    }
    if (series.kind === 'counter') {
      if (previous !== null) {
        increments.times.push(series.times[i]);
        increments.counts.push(value < previous ? value : value - previous);
      }
      previous = value;
    } else {
      if (value < 0) {
        negatives++;
      }
      increments.times.push(series.times[i]);
      increments.counts.push(value < 0 ? 0 : value);
    }
  }
  return { increments, negatives };
}

/** The first index whose time is after `a`; the loop below re-checks the condition anyway. */
function firstAfter(times: number[], a: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (times[middle] > a) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return low;
}

function sumInWindow(role: Increments[], a: number, b: number): number {
  let sum = 0;
  for (const series of role) {
    for (let i = firstAfter(series.times, a); i < series.times.length && series.times[i] <= b; i++) {
      const t = series.times[i];
      if (a < t && t <= b) {
        sum += series.counts[i];
      }
    }
  }
  return sum;
}

/** Counts of one window `(a, b]`; `defined` is false when the derived count is negative. */
interface WindowCounts extends EventCounts {
  defined: boolean;
}

interface Data {
  given: Increments[];
  givenRole: 'good' | 'bad';
  total: Increments[];
}

function countWindow(data: Data, a: number, b: number): WindowCounts {
  const given = sumInWindow(data.given, a, b);
  const total = sumInWindow(data.total, a, b);
  const derived = total - given;
  const defined = derived >= -UNDEFINED_TOLERANCE * total;
  const clamped = derived < 0 ? 0 : derived;
  return data.givenRole === 'good'
    ? { good: given, bad: clamped, total, defined }
    : { good: clamped, bad: given, total, defined };
}

function ratioOf(counts: WindowCounts, part: 'good' | 'bad'): number | null {
  return counts.total === 0 || !counts.defined ? null : counts[part] / counts.total;
}

function burnRateOf(counts: WindowCounts, target: number): number | null {
  const badRatio = ratioOf(counts, 'bad');
  return badRatio === null ? null : badRatio / (1 - target);
}

function occurrenceBudget(counts: WindowCounts, target: number): SloEvaluation['errorBudget'] {
  const allowed = (1 - target) * counts.total;
  if (allowed === 0 || !counts.defined) {
    return { allowed, consumed: null, remaining: null };
  }
  const consumed = counts.bad / allowed;
  return { allowed, consumed, remaining: 1 - consumed };
}

// ---- Calendar windows: local dates from Intl, local midnights found by bisection ----

const DAY = 86_400_000;
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Days since 1970-01-01 of the civil date that instant `t` has in `timeZone`. */
function localDay(t: number, timeZone: string): number {
  let format = dateFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    dateFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(t);
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(field('year'), field('month') - 1, field('day')) / DAY;
}

/** The first millisecond whose local date is `day` or later (local midnight, wherever DST puts it). */
function startOfLocalDay(day: number, timeZone: string): number {
  let low = day * DAY - 2 * DAY;
  let high = day * DAY + 2 * DAY;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (localDay(middle, timeZone) >= day) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return low;
}

type CalendarUnit = 'week' | 'month' | 'quarter';

function periodStartDay(day: number, unit: CalendarUnit): number {
  const date = new Date(day * DAY);
  if (unit === 'week') {
    return day - ((date.getUTCDay() + 6) % 7);
  }
  const month = unit === 'month' ? date.getUTCMonth() : 3 * Math.floor(date.getUTCMonth() / 3);
  return Date.UTC(date.getUTCFullYear(), month, 1) / DAY;
}

function nextPeriodStartDay(startDay: number, unit: CalendarUnit): number {
  if (unit === 'week') {
    return startDay + 7;
  }
  const date = new Date(startDay * DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + (unit === 'month' ? 1 : 3), 1) / DAY;
}

/** The period with `start < at <= end`. */
export function referenceCalendarPeriod(
  at: number,
  unit: CalendarUnit,
  timeZone: string
): { start: number; end: number } {
  let startDay = periodStartDay(localDay(at, timeZone), unit);
  let start = startOfLocalDay(startDay, timeZone);
  if (start >= at) {
    startDay = periodStartDay(startDay - 1, unit);
    start = startOfLocalDay(startDay, timeZone);
  }
  return { start, end: startOfLocalDay(nextPeriodStartDay(startDay, unit), timeZone) };
}

export function referenceWindow(input: SloInput): SloEvaluation['window'] {
  const key = input.objective.window;
  const calendar = /^calendar:(week|month|quarter)$/.exec(key);
  if (calendar === null) {
    const length = referenceDuration(key);
    return { start: input.at - length, end: input.at, length, key, calendar: false };
  }
  const unit: CalendarUnit = calendar[1] === 'week' ? 'week' : calendar[1] === 'month' ? 'month' : 'quarter';
  const period = referenceCalendarPeriod(input.at, unit, input.objective.timeZone ?? 'UTC');
  return { start: period.start, end: input.at, length: period.end - period.start, key, calendar: true };
}

// ---- Grid (checked separately against the engine's choices) ----

export function referenceGrid(input: SloInput): ChartGrid {
  const window = referenceWindow(input);
  const elapsed = input.at - window.start;
  const tiers = input.alertTiers ?? REFERENCE_DEFAULT_TIERS;
  // The grid reaches back the longest tier window as read: at least the data's spacing.
  let longestTierWindow = tiers.length === 0 ? 0 : (referenceSpacing(input.total) ?? 0);
  for (const tier of tiers) {
    longestTierWindow = Math.max(
      longestTierWindow,
      referenceDuration(tier.longWindow),
      referenceDuration(tier.shortWindow)
    );
  }
  let resolution = RESOLUTIONS[RESOLUTIONS.length - 1];
  for (const candidate of RESOLUTIONS) {
    if ((elapsed + longestTierWindow) / candidate <= 200_000) {
      resolution = candidate;
      break;
    }
  }
  const chartStep = resolution * Math.ceil(Math.ceil(elapsed / resolution) / (input.chartPoints ?? 720));
  const count = Math.ceil(elapsed / chartStep);
  const chartTimes: number[] = [];
  for (let i = 0; i < count; i++) {
    chartTimes.push(input.at - (count - 1 - i) * chartStep);
  }
  return { resolution, chartTimes, chartStep };
}

// ---- Coverage ----

function referenceCoverage(total: SeriesInput[], start: number, at: number): number {
  const spans: Array<[number, number]> = [];
  for (const series of total) {
    const times: number[] = [];
    for (let i = 0; i < series.values.length; i++) {
      if (Number.isFinite(series.values[i])) {
        times.push(series.times[i]);
      }
    }
    if (times.length < 2) {
      continue;
    }
    const steps: number[] = [];
    for (let i = 1; i < times.length; i++) {
      steps.push(times[i] - times[i - 1]);
    }
    steps.sort((x, y) => x - y);
    const medianStep = steps[Math.floor((steps.length - 1) / 2)];
    for (let i = 1; i < times.length; i++) {
      if (times[i] - times[i - 1] <= 2 * medianStep) {
        spans.push([times[i - 1], times[i]]);
      }
    }
    if (series.kind === 'increment') {
      spans.push([times[0] - medianStep, times[0]]);
    }
  }
  const clipped = spans
    .map(([a, b]): [number, number] => [Math.max(a, start), Math.min(b, at)])
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0]);
  let covered = 0;
  let reach = -Infinity;
  for (const [a, b] of clipped) {
    const from = Math.max(a, reach);
    if (b > from) {
      covered += b - from;
    }
    reach = Math.max(reach, b);
  }
  return covered / (at - start);
}

// ---- Sample spacing ----

/** The lower median of the steps between consecutive finite samples of each total series; null without any. */
function referenceSpacing(total: SeriesInput[]): number | null {
  const steps: number[] = [];
  for (const series of total) {
    let previous: number | null = null;
    for (let i = 0; i < series.values.length; i++) {
      if (Number.isFinite(series.values[i])) {
        if (previous !== null) {
          steps.push(series.times[i] - previous);
        }
        previous = series.times[i];
      }
    }
  }
  if (steps.length === 0) {
    return null;
  }
  steps.sort((x, y) => x - y);
  return steps[Math.floor((steps.length - 1) / 2)];
}

// ---- The evaluation ----

interface Slice {
  end: number;
  counts: boolean;
  earned: number;
}

export function referenceEvaluate(input: SloInput, grid: ChartGrid): SloEvaluation {
  const { objective, at } = input;
  const target = objective.target;
  const givenRole = input.good !== undefined ? 'good' : 'bad';
  const dataProblems: DataProblem[] = [];
  const exceedsKind = givenRole === 'good' ? 'goodExceedsTotal' : 'badExceedsTotal';

  const toIncrements = (series: SeriesInput[], role: 'good' | 'bad' | 'total'): Increments[] => {
    let negatives = 0;
    const result = series.map((one) => {
      const { increments, negatives: count } = seriesIncrements(one);
      negatives += count;
      return increments;
    });
    if (negatives > 0) {
      dataProblems.push({ kind: 'negativeIncrement', series: role, count: negatives });
    }
    return result;
  };
  const data: Data = {
    given: toIncrements((givenRole === 'good' ? input.good : input.bad) ?? [], givenRole),
    givenRole,
    total: toIncrements(input.total, 'total'),
  };

  const window = referenceWindow(input);
  const { start, length: windowLength } = window;
  const method = objective.budgetingMethod ?? 'Occurrences';

  const counts = countWindow(data, start, at);
  if (!counts.defined) {
    dataProblems.push({ kind: exceedsKind, scope: 'window', count: 1 });
  }
  const events: EventCounts = { good: counts.good, bad: counts.bad, total: counts.total };

  let sli = ratioOf(counts, 'good');
  let errorBudget = occurrenceBudget(counts, target);

  let slices: SloEvaluation['slices'] = null;
  const sliceList: Slice[] = [];
  if (method !== 'Occurrences') {
    const sliceLength = referenceDuration(objective.timeSliceWindow ?? '1m');
    const sliceTarget = objective.timeSliceTarget ?? target;
    let undefinedSlices = 0;
    for (let j = 0; start + j * sliceLength < at; j++) {
      const end = Math.min(start + (j + 1) * sliceLength, at);
      const slice = countWindow(data, start + j * sliceLength, end);
      const ratio = ratioOf(slice, 'good');
      if (!slice.defined) {
        undefinedSlices++;
      }
      if (ratio === null) {
        sliceList.push({ end, counts: false, earned: 0 });
      } else {
        const earned = method === 'Timeslices' ? (ratio >= sliceTarget ? 1 : 0) : ratio;
        sliceList.push({ end, counts: true, earned });
      }
    }
    if (undefinedSlices > 0) {
      dataProblems.push({ kind: exceedsKind, scope: 'slices', count: undefinedSlices });
    }
    slices = sliceTotals(sliceList, at);
    sli = slices.total === 0 ? null : slices.good / slices.total;
    errorBudget = sliceBudget(slices, target);
  }

  const tiers = input.alertTiers ?? REFERENCE_DEFAULT_TIERS;
  const dataStep = referenceSpacing(input.total);
  const { resolution } = grid;
  // A window shorter than the spacing is read over the spacing; on the grid, rounded up to whole steps.
  const lengthOf = (key: string, onGrid: boolean): number => {
    const w = referenceDuration(key);
    if (dataStep === null || w >= dataStep) {
      return w;
    }
    return onGrid ? Math.max(1, Math.ceil(dataStep / resolution)) * resolution : dataStep;
  };
  const burnRateAt = (key: string, end: number, onGrid = false): number | null => {
    const w = lengthOf(key, onGrid);
    return burnRateOf(countWindow(data, end - w, end), target);
  };

  const burnRate: Record<string, number | null> = {};
  for (const key of FIXED_BURN_RATE_KEYS) {
    burnRate[key] = burnRateAt(key, at);
  }
  for (const tier of tiers) {
    burnRate[tier.longWindow] = burnRateAt(tier.longWindow, at);
    burnRate[tier.shortWindow] = burnRateAt(tier.shortWindow, at);
  }
  burnRate[window.key] = burnRateOf(counts, target);

  const minEvents = input.minEvents ?? 0;
  const tierFactors = tiers.map((tier) => {
    const long = referenceDuration(tier.longWindow);
    if (tier.factor !== undefined) {
      return { factor: tier.factor, budgetShare: (tier.factor * long) / windowLength };
    }
    const budgetShare = tier.budgetShare ?? 0;
    return { factor: (budgetShare * windowLength) / long, budgetShare };
  });
  const tierStateAt = (index: number, end: number) => {
    const tier = tiers[index];
    const { factor } = tierFactors[index];
    const long = countWindow(data, end - lengthOf(tier.longWindow, false), end);
    const longBurnRate = burnRateOf(long, target);
    const shortBurnRate = burnRateAt(tier.shortWindow, end);
    const firing =
      longBurnRate !== null &&
      shortBurnRate !== null &&
      longBurnRate > factor &&
      shortBurnRate > factor &&
      long.total >= minEvents;
    return { longBurnRate, shortBurnRate, firing };
  };
  // The same condition, skipping the short window when the long one already rules firing out.
  const firesAt = (index: number, end: number): boolean => {
    const tier = tiers[index];
    const { factor } = tierFactors[index];
    const long = countWindow(data, end - lengthOf(tier.longWindow, true), end);
    const longBurnRate = burnRateOf(long, target);
    if (longBurnRate === null || !(longBurnRate > factor) || !(long.total >= minEvents)) {
      return false;
    }
    const shortBurnRate = burnRateAt(tier.shortWindow, end, true);
    return shortBurnRate !== null && shortBurnRate > factor;
  };
  const alerts: AlertState[] = tiers.map((tier, index) => ({
    severity: tier.severity,
    longWindow: tier.longWindow,
    shortWindow: tier.shortWindow,
    factor: tierFactors[index].factor,
    budgetShare: tierFactors[index].budgetShare,
    ...tierStateAt(index, at),
  }));

  const remaining = errorBudget.remaining;
  const hourBurnRate = burnRate['1h'];
  let timeToExhaustion: number | null;
  if (remaining === null) {
    timeToExhaustion = null;
  } else if (remaining <= 0) {
    timeToExhaustion = 0;
  } else if (hourBurnRate === null || hourBurnRate === 0) {
    timeToExhaustion = null;
  } else {
    timeToExhaustion = (remaining * windowLength) / hourBurnRate;
  }

  // Chart series over the engine's grid.
  const { chartTimes, chartStep } = grid;
  const chartGood: number[] = [];
  const chartTotal: number[] = [];
  const chartSli: Array<number | null> = [];
  const chartRemaining: Array<number | null> = [];
  let undefinedBuckets = 0;
  for (const time of chartTimes) {
    const bucket = countWindow(data, Math.max(time - chartStep, start), time);
    chartGood.push(bucket.good);
    chartTotal.push(bucket.total);
    chartSli.push(ratioOf(bucket, 'good'));
    if (!bucket.defined) {
      undefinedBuckets++;
    }
    if (method === 'Occurrences') {
      chartRemaining.push(occurrenceBudget(countWindow(data, start, time), target).remaining);
    } else {
      chartRemaining.push(sliceBudget(sliceTotals(sliceList, time), target).remaining);
    }
  }
  if (undefinedBuckets > 0) {
    dataProblems.push({ kind: exceedsKind, scope: 'buckets', count: undefinedBuckets });
  }
  const chartBurnRate: Record<string, Array<number | null>> = {};
  for (const tier of tiers) {
    for (const key of [tier.longWindow, tier.shortWindow]) {
      chartBurnRate[key] = chartTimes.map((time) => burnRateAt(key, time, true));
    }
  }

  const evaluationTimes: number[] = [];
  for (let k = 0; at - k * resolution > start; k++) {
    evaluationTimes.push(at - k * resolution);
  }
  evaluationTimes.reverse();
  const firing: FiringPeriod[][] = tiers.map((_, index) => {
    const periods: FiringPeriod[] = [];
    let open: number | null = null;
    for (const e of evaluationTimes) {
      const fires = firesAt(index, e);
      if (fires && open === null) {
        open = e;
      } else if (!fires && open !== null) {
        periods.push({ start: open, end: e });
        open = null;
      }
    }
    if (open !== null) {
      periods.push({ start: open, end: at });
    }
    return periods;
  });

  return {
    window,
    budgetingMethod: method,
    events,
    sli,
    errorBudget,
    burnRate,
    alerts,
    timeToExhaustion,
    coverage: referenceCoverage(input.total, start, at),
    slices,
    dataProblems,
    resolution,
    dataStep,
    series: {
      times: chartTimes,
      step: chartStep,
      events: { good: chartGood, total: chartTotal },
      sli: chartSli,
      errorBudgetRemaining: chartRemaining,
      burnRate: chartBurnRate,
      firing,
    },
  };
}

function sliceTotals(sliceList: Slice[], until: number): { total: number; good: number } {
  let total = 0;
  let good = 0;
  for (const slice of sliceList) {
    // Slices are in time order, so none after this one ends by `until` either.
    if (slice.end > until) {
      break;
    }
    if (slice.counts && slice.end <= until) {
      total++;
      good += slice.earned;
    }
  }
  return { total, good };
}

function sliceBudget(slices: { total: number; good: number }, target: number): SloEvaluation['errorBudget'] {
  const allowed = (1 - target) * slices.total;
  if (allowed === 0) {
    return { allowed, consumed: null, remaining: null };
  }
  const consumed = (slices.total - slices.good) / allowed;
  return { allowed, consumed, remaining: 1 - consumed };
}
