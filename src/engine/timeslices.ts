import type { SloCounts } from './evaluate';
import type { CheckedObjective } from './objective';
import { splitEvents } from './ratio';
import { cumulativeAt } from './series';

export interface SliceEvaluation {
  /** Slices that count: with events and consistent counts. */
  total: number;
  /** What they earned: 1 per good slice (Timeslices), or each slice's ratio (RatioTimeslices). */
  good: number;
  /** Slices with more measured than total events, left out. */
  inconsistent: number;
  /** Each slice's end, clipped to `at`, ascending. */
  ends: Float64Array;
  /** Whether each slice counts, and what it earned. */
  counted: Uint8Array;
  earned: Float64Array;
}

/** Cuts (start, at] into slices from `start` and scores each one (see docs/engine.md). */
export function evaluateSlices(
  counts: SloCounts,
  objective: CheckedObjective,
  start: number,
  at: number
): SliceEvaluation {
  const n = Math.ceil((at - start) / objective.sliceLength);
  const edges = new Float64Array(n + 1);
  for (let j = 0; j <= n; j++) {
    edges[j] = Math.min(start + j * objective.sliceLength, at);
  }
  const measured = cumulativeAt(counts.measured, edges);
  const total = cumulativeAt(counts.total, edges);
  const counted = new Uint8Array(n);
  const earned = new Float64Array(n);
  const result = { total: 0, good: 0, inconsistent: 0, ends: edges.subarray(1), counted, earned };
  for (let j = 0; j < n; j++) {
    const slice = splitEvents(counts.role, measured[j + 1] - measured[j], total[j + 1] - total[j]);
    if (!slice.consistent) {
      result.inconsistent++;
      continue;
    }
    if (!(slice.total > 0)) {
      continue;
    }
    const ratio = slice.good / slice.total;
    counted[j] = 1;
    earned[j] = objective.budgetingMethod === 'Timeslices' ? (ratio >= objective.sliceTarget ? 1 : 0) : ratio;
    result.total++;
    result.good += earned[j];
  }
  return result;
}
