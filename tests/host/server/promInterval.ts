/**
 * The step and the built-in variables of a Prometheus query, computed as Grafana's Prometheus
 * backend computes them (pkg/promlib/models/query.go, pkg/promlib/intervalv2, and gtime in
 * grafana-plugin-sdk-go). Times are milliseconds; Go truncates durations to nanoseconds, and so do we.
 */

/** Grafana raises the step so that a range query has at most this many points per series. */
export const SAFE_RESOLUTION = 11_000;
const DEFAULT_RESOLUTION = 1500;
const DEFAULT_MIN_INTERVAL_MS = 15_000;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const RATE_INTERVAL = ['$__rate_interval', '${__rate_interval}'];
const VARIABLE_INTERVALS = [
  '$__interval',
  '$__interval_ms',
  ...RATE_INTERVAL,
  '$__rate_interval_ms',
  '${__interval}',
  '${__interval_ms}',
  '${__rate_interval_ms}',
];

/** gtime.RoundInterval: upper bound of a band (ms) and the round step it maps to. */
const ROUNDING: Array<[number, number]> = [
  [10, 1],
  [15, 10],
  [35, 20],
  [75, 50],
  [150, 100],
  [350, 200],
  [750, 500],
  [1500, SECOND],
  [3500, 2 * SECOND],
  [7500, 5 * SECOND],
  [12_500, 10 * SECOND],
  [17_500, 15 * SECOND],
  [25_000, 20 * SECOND],
  [45_000, 30 * SECOND],
  [90_000, MINUTE],
  [210_000, 2 * MINUTE],
  [450_000, 5 * MINUTE],
  [750_000, 10 * MINUTE],
  [1_050_000, 15 * MINUTE],
  [1_500_000, 20 * MINUTE],
  [2_700_000, 30 * MINUTE],
  [5_400_000, HOUR],
  [9_000_000, 2 * HOUR],
  [16_200_000, 3 * HOUR],
  [32_400_000, 6 * HOUR],
  [86_400_000, 12 * HOUR],
  [172_800_000, DAY],
  [604_800_000, DAY],
  [1_814_400_000, 7 * DAY],
];

export function roundInterval(ms: number): number {
  const band = ROUNDING.find(([upper]) => ms <= upper);
  if (band) {
    return band[1];
  }
  return ms < 3_628_800_000 ? 30 * DAY : 365 * DAY;
}

/** Integer division in nanoseconds, as Go divides a time.Duration. */
function divide(rangeMs: number, parts: number): number {
  return Number(BigInt(Math.round(rangeMs * 1e6)) / BigInt(parts)) / 1e6;
}

const GO_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: SECOND,
  m: MINUTE,
  h: HOUR,
};

/** Go's time.ParseDuration ("1m30s", "1.5h") and gtime's single d/w/M/y units, in ms. */
export function parseDuration(text: string): number {
  const calendar = /^(\d+)([dwMy])$/.exec(text);
  if (calendar) {
    const year = 365.25 * DAY;
    const unit = { d: DAY, w: 7 * DAY, M: year / 12, y: year }[calendar[2]] ?? DAY;
    return Number(calendar[1]) * unit;
  }
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[-+]/, '');
  const parts = [...body.matchAll(/(\d*\.?\d+)(ns|us|µs|μs|ms|s|m|h)/g)];
  if (body === '0') {
    return 0;
  }
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== body) {
    throw new Error(`time: invalid duration "${text}"`);
  }
  return sign * parts.reduce((sum, part) => sum + Number(part[1]) * GO_UNITS[part[2]], 0);
}

/** gtime.ParseIntervalStringToTimeDuration: a bare number is seconds, `<`/`>` are dropped. */
export function parseIntervalString(text: string): number {
  const trimmed = text.replace('<', '').replace('>', '');
  return parseDuration(/^\d+$/.test(trimmed) ? `${trimmed}s` : trimmed);
}

/** gtime.FormatInterval: the largest whole unit, as in "5m" or "1d". */
export function formatInterval(ms: number): string {
  const units: Array<[number, string]> = [
    [365 * DAY, 'y'],
    [DAY, 'd'],
    [HOUR, 'h'],
    [MINUTE, 'm'],
    [SECOND, 's'],
    [1, 'ms'],
  ];
  const unit = units.find(([size]) => ms >= size);
  return unit ? `${Math.floor(ms / unit[0])}${unit[1]}` : '1ms';
}

/** Go's time.Duration.String(): "5m0s", "1h0m0s", "1.5s", "500ms". */
export function goDuration(ms: number): string {
  if (ms === 0) {
    return '0s';
  }
  if (Math.abs(ms) < SECOND) {
    return `${ms}ms`;
  }
  const sign = ms < 0 ? '-' : '';
  const total = Math.abs(ms);
  const hours = Math.floor(total / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  const seconds = (total % MINUTE) / SECOND;
  return `${sign}${hours > 0 ? `${hours}h` : ''}${hours > 0 || minutes > 0 ? `${minutes}m` : ''}${seconds}s`;
}

export interface StepInput {
  fromMs: number;
  toMs: number;
  /** The query's intervalMs (Grafana defaults it to 1000). */
  intervalMs: number;
  /** The query's maxDataPoints (Grafana defaults it to 100). */
  maxDataPoints: number;
  /** The query's `interval` (the editor's "Min step"), e.g. '1m' or '$__rate_interval'. */
  minStep: string;
  intervalFactor: number;
  /** The data source's jsonData.timeInterval (scrape interval), e.g. '1m'. */
  scrapeInterval: string;
}

/** gtime.GetIntervalFrom: the query's min step, else its intervalMs, else the data source's. */
function minimumInterval(input: StepInput, minStep: string): number {
  const interval = minStep === '0s' ? '' : minStep;
  if (interval === '' && input.intervalMs !== 0) {
    return input.intervalMs;
  }
  const chosen = interval || input.scrapeInterval;
  return chosen ? parseIntervalString(chosen) : DEFAULT_MIN_INTERVAL_MS;
}

/** max(interval + scrape interval, 4 × scrape interval), the rule for $__rate_interval. */
export function rateInterval(intervalMs: number, scrapeInterval: string): number {
  let scrape: number;
  try {
    scrape = parseIntervalString(scrapeInterval || '15s');
  } catch {
    return 0;
  }
  return Math.max(intervalMs + scrape, 4 * scrape);
}

/** The step Grafana sends to Prometheus, in ms (calculatePrometheusInterval). */
export function prometheusStep(input: StepInput): number {
  const minStep = VARIABLE_INTERVALS.includes(input.minStep) ? '' : input.minStep;
  const minInterval = minimumInterval(input, minStep);
  const rangeMs = input.toMs - input.fromMs;
  const perPoint = divide(rangeMs, input.maxDataPoints || DEFAULT_RESOLUTION);
  const calculated = perPoint < minInterval ? minInterval : roundInterval(perPoint);
  const safe = roundInterval(divide(rangeMs, SAFE_RESOLUTION));
  const adjusted = calculated > safe ? calculated : safe;
  if (RATE_INTERVAL.includes(input.minStep)) {
    return rateInterval(adjusted, input.scrapeInterval);
  }
  return adjusted * (input.intervalFactor || 1);
}

/** AlignTimeRange: rounds a time down to a multiple of the step, shifted by the UTC offset. */
export function alignTime(timeMs: number, stepMs: number, utcOffsetSec: number): number {
  const offset = utcOffsetSec * SECOND;
  return Math.floor((timeMs + offset) / stepMs) * stepMs - offset;
}

export interface InterpolationInput {
  /** The request's intervalMs, which Grafana uses for $__rate_interval (not the step). */
  intervalMs: number;
  stepMs: number;
  minStep: string;
  scrapeInterval: string;
  rangeMs: number;
}

/** Replaces Grafana's built-in variables in a PromQL expression (interpolateVariables). */
export function interpolateVariables(expr: string, input: InterpolationInput): string {
  const rangeSeconds = Math.round(input.rangeMs / SECOND);
  let rate: number;
  if (RATE_INTERVAL.includes(input.minStep)) {
    rate = input.stepMs;
  } else {
    const minStep = ['$__interval', '${__interval}'].includes(input.minStep) ? goDuration(input.stepMs) : input.minStep;
    rate = rateInterval(input.intervalMs, minStep || input.scrapeInterval);
  }
  // Longer names first: $__interval_ms before $__interval, as Grafana orders them.
  const values: Array<[string, string]> = [
    ['__interval_ms', String(Math.trunc(input.stepMs))],
    ['__interval', formatInterval(input.stepMs)],
    ['__range_ms', String(Math.trunc(input.rangeMs))],
    ['__range_s', String(rangeSeconds)],
    ['__range', `${rangeSeconds}s`],
    ['__rate_interval_ms', String(Math.trunc(rate))],
    ['__rate_interval', goDuration(rate)],
  ];
  let result = expr;
  for (const braces of [false, true]) {
    for (const [name, value] of values) {
      result = result.split(braces ? `\${${name}}` : `$${name}`).join(value);
    }
  }
  return result;
}
