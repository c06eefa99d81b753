/**
 * Which samples an evaluation needs, and how to ask Prometheus for them without losing any:
 * query_range answers at most 11,000 points per series, so longer ranges are split into chunks
 * whose points continue one grid that ends exactly at the evaluation time.
 */
import { parseDuration, STANDARD_BURN_WINDOWS } from '../engine';

/** Prometheus rejects a range query with more points per series than this. */
export const MAX_POINTS_PER_SERIES = 11_000;

export interface RangeChunk {
  /** First and last point, inclusive (ms). */
  start: number;
  end: number;
  points: number;
}

export interface RangePlan {
  start: number;
  end: number;
  step: number;
  points: number;
  chunks: RangeChunk[];
}

/**
 * The earliest time whose events the evaluation at `at` reads: the SLO window reaches back to
 * `windowStart`, each tier's firing history within it another long window, and the reported burn
 * rates (up to 3d) their own length back from `at`.
 */
export function earliestNeeded(windowStart: number, at: number, tierLongWindows: readonly string[]): number {
  const lengths = (keys: readonly string[]) => keys.map((key) => parseDuration(key) ?? 0);
  const longestTier = Math.max(0, ...lengths(tierLongWindows));
  const longestBurn = Math.max(0, ...lengths(STANDARD_BURN_WINDOWS), longestTier);
  return Math.min(windowStart - longestTier, at - longestBurn);
}

/**
 * Points at `end - k × step` back to the first one at or before `from`: that point is the sample
 * before the first increment the evaluation counts. Chunks hold at most `maxPoints` points each and
 * share none, so every sample is read exactly once.
 */
export function planRange(from: number, end: number, step: number, maxPoints = MAX_POINTS_PER_SERIES): RangePlan {
  if (!(step > 0) || !(maxPoints >= 1) || !(from <= end)) {
    throw new Error(`planRange: needs from <= end, a positive step and maxPoints, got ${from}, ${end}, ${step}`);
  }
  const steps = Math.ceil((end - from) / step);
  const start = end - steps * step;
  const points = steps + 1;
  const chunks: RangeChunk[] = [];
  for (let first = 0; first < points; first += maxPoints) {
    const last = Math.min(first + maxPoints, points) - 1;
    chunks.push({ start: start + first * step, end: start + last * step, points: last - first + 1 });
  }
  return { start, end, step, points, chunks };
}
