import type { SeriesInput } from './types';

/** A series reduced to the increments it contributes, one per finite sample. */
export interface IncrementSeries {
  kind: SeriesInput['kind'];
  times: Float64Array;
  increments: Float64Array;
}

export interface PreparedRole {
  series: IncrementSeries[];
  /** Negative increments (or negative counter values), counted as 0. */
  negativeIncrements: number;
}

/**
 * Checks and converts one role's series (e.g. `total`) in a single pass. Throws an Error naming the
 * field for input that is malformed; a non-finite value is a missing sample, not an error.
 */
export function prepareRole(list: unknown, field: string): PreparedRole {
  if (!Array.isArray(list)) {
    throw new Error(`${field}: must be a list of series`);
  }
  let negativeIncrements = 0;
  const series = list.map((item: unknown, index) => {
    const prepared = prepareSeries(item, `${field}[${index}]`);
    negativeIncrements += prepared.negativeIncrements;
    return prepared.series;
  });
  return { series, negativeIncrements };
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return typeof value === 'object' && value !== null && 'length' in value && Number.isInteger(value.length);
}

function prepareSeries(item: unknown, field: string): { series: IncrementSeries; negativeIncrements: number } {
  if (typeof item !== 'object' || item === null) {
    throw new Error(`${field}: must be a series { times, values, kind }`);
  }
  const { times, values, kind } = item as Partial<Record<keyof SeriesInput, unknown>>;
  if (kind !== 'counter' && kind !== 'increment') {
    throw new Error(`${field}.kind: must be 'counter' or 'increment', got ${JSON.stringify(kind)}`);
  }
  if (!isArrayLike(times)) {
    throw new Error(`${field}.times: must be an array of timestamps`);
  }
  if (!isArrayLike(values)) {
    throw new Error(`${field}.values: must be an array of numbers`);
  }
  if (times.length !== values.length) {
    throw new Error(`${field}: times has ${times.length} entries but values has ${values.length}`);
  }
  checkTimes(times, field);
  return toIncrements(kind, times, values);
}

function checkTimes(times: ArrayLike<unknown>, field: string): asserts times is ArrayLike<number> {
  let previous = -Infinity;
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    // One comparison passes every good time; the rest only explains a bad one.
    if (!(typeof t === 'number' && t > previous && t - t === 0)) {
      throw new Error(
        typeof t !== 'number' || !Number.isFinite(t)
          ? `${field}.times[${i}]: must be a finite number, got ${String(t)}`
          : `${field}.times: must be strictly ascending, but times[${i}] = ${t} follows ${previous}`
      );
    }
    previous = t;
  }
}

/** A finite number; anything else (null, NaN, a string) is a missing sample. */
function isSample(value: unknown): value is number {
  return typeof value === 'number' && value - value === 0;
}

/** The increment of each finite sample; this loop runs once per sample of every series. */
function toIncrements(
  kind: IncrementSeries['kind'],
  times: ArrayLike<number>,
  values: ArrayLike<unknown>
): { series: IncrementSeries; negativeIncrements: number } {
  const n = times.length;
  const outTimes = new Float64Array(n);
  const increments = new Float64Array(n);
  const counter = kind === 'counter';
  let count = 0;
  let negativeIncrements = 0;
  let previous = NaN;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!isSample(v)) {
      continue;
    }
    let increment = v;
    if (counter) {
      // The first sample only sets the base; a drop is a reset, after which the counter counts from 0.
      const delta = v - previous;
      increment = delta >= 0 ? delta : previous === previous ? v : 0;
      previous = v;
    }
    if (increment < 0) {
      negativeIncrements++;
      increment = 0;
    }
    outTimes[count] = times[i];
    increments[count++] = increment;
  }
  return {
    series: { kind, times: outTimes.subarray(0, count), increments: increments.subarray(0, count) },
    negativeIncrements,
  };
}

/**
 * For ascending `edges`, the events of all series up to and including each edge (out[k] sums
 * increments with t <= edges[k]). A window (edges[i], edges[j]] then holds out[j] - out[i].
 * One merge pass: O(samples + edges).
 */
export function cumulativeAt(series: IncrementSeries[], edges: ArrayLike<number>): Float64Array {
  const out = new Float64Array(edges.length);
  for (const { times, increments } of series) {
    let i = 0;
    let sum = 0;
    for (let k = 0; k < edges.length; k++) {
      const edge = edges[k];
      while (i < times.length && times[i] <= edge) {
        sum += increments[i++];
      }
      out[k] += sum;
    }
  }
  return out;
}

/** Events of all series with from < t <= to, found by binary search: meant for short ranges. */
export function eventsBetween(series: IncrementSeries[], from: number, to: number): number {
  let sum = 0;
  for (const { times, increments } of series) {
    // The first sample after `from`.
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (times[mid] <= from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (let i = lo; i < times.length && times[i] <= to; i++) {
      sum += increments[i];
    }
  }
  return sum;
}

/** Regular time edges ending at `end`, `step` apart: the grid every window of an evaluation is read from. */
export class Grid {
  readonly edges: Float64Array;

  constructor(
    end: number,
    readonly step: number,
    readonly steps: number
  ) {
    this.edges = new Float64Array(steps + 1);
    for (let k = 0; k <= steps; k++) {
      this.edges[k] = end - (steps - k) * step;
    }
  }

  /** The last edge at or before `time` (0 for times before the grid). */
  edgeAtOrBefore(time: number): number {
    const { edges, steps } = this;
    let k = Math.max(0, Math.min(steps, Math.floor((time - edges[0]) / this.step)));
    while (k > 0 && edges[k] > time) {
      k--;
    }
    while (k < steps && edges[k + 1] <= time) {
      k++;
    }
    return k;
  }
}

/** Cumulative events of some series at each grid edge; any window sum is a difference of two lookups. */
export class CumulativeGrid {
  readonly sums: Float64Array;

  constructor(
    private readonly series: IncrementSeries[],
    readonly grid: Grid
  ) {
    this.sums = cumulativeAt(series, grid.edges);
  }

  /** Events with t <= time, exact also between edges and before the grid. */
  upTo(time: number): number {
    const { edges } = this.grid;
    if (time < edges[0]) {
      return this.sums[0] - eventsBetween(this.series, time, edges[0]);
    }
    const k = this.grid.edgeAtOrBefore(time);
    return edges[k] === time ? this.sums[k] : this.sums[k] + eventsBetween(this.series, edges[k], time);
  }
}

/**
 * The data's sample spacing: the lower median of the steps between consecutive samples of each
 * series (the counter's first sample counts: its time bounds the next increment). Null when no
 * series has 2 samples. Burn-rate windows shorter than this are read over it (docs/engine.md).
 */
export function sampleSpacing(series: IncrementSeries[]): number | null {
  const timesList = series.map((one) => one.times);
  return timesList.some((times) => times.length > 1) ? lowerMedianStep(timesList) : null;
}

/** The lower median of the steps between samples (at least 2 of them). */
export function medianStep(times: ArrayLike<number>): number {
  return lowerMedianStep([times]);
}

function lowerMedianStep(timesList: Array<ArrayLike<number>>): number {
  const majority = majorityStep(timesList);
  if (majority === majority) {
    return majority;
  }
  let count = 0;
  for (const times of timesList) {
    count += Math.max(0, times.length - 1);
  }
  const steps = new Float64Array(count);
  let j = 0;
  for (const times of timesList) {
    for (let i = 1; i < times.length; i++) {
      steps[j++] = times[i] - times[i - 1];
    }
  }
  return lowerMedian(steps);
}

/**
 * The step more than half of the steps share, or NaN. Regular data has one, and then it is the
 * median: two passes find it without sorting (Boyer-Moore majority vote, then a count).
 */
function majorityStep(timesList: Array<ArrayLike<number>>): number {
  let count = 0;
  let candidate = NaN;
  let votes = 0;
  for (const times of timesList) {
    for (let i = 1; i < times.length; i++) {
      const step = times[i] - times[i - 1];
      if (votes === 0) {
        candidate = step;
        votes = 1;
      } else {
        votes += step === candidate ? 1 : -1;
      }
    }
    count += Math.max(0, times.length - 1);
  }
  let held = 0;
  for (const times of timesList) {
    for (let i = 1; i < times.length; i++) {
      held += times[i] - times[i - 1] === candidate ? 1 : 0;
    }
  }
  return 2 * held > count ? candidate : NaN;
}

/** The lower median of non-empty `values` by quickselect (O(n) on average); reorders them. */
function lowerMedian(values: Float64Array): number {
  const k = Math.floor((values.length - 1) / 2);
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) {
        i++;
      }
      while (values[j] > pivot) {
        j--;
      }
      if (i <= j) {
        const swap = values[i];
        values[i++] = values[j];
        values[j--] = swap;
      }
    }
    if (k <= j) {
      hi = j;
    } else if (k >= i) {
      lo = i;
    } else {
      break;
    }
  }
  return values[k];
}
