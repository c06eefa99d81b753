/**
 * The overview's input per SLO: coarse event counts ("tiles", one per hour) over months, in the
 * engine's series form, and the events they hold in given periods.
 */
import { cumulativeAt, prepareRole } from '../engine/series';
import { splitEvents } from '../engine/ratio';
import type { EventCounts, SeriesInput } from '../engine';

/**
 * One SLO's tiles: `total` and exactly one of `good` or `bad` (the SLO's event kind), each a list
 * of series the engine sums (the shape `toSloSeries` gives). Hourly `increment` series with times
 * at the end of each hour are expected; counters work too, as in the engine.
 */
export interface SloTiles {
  good?: SeriesInput[];
  bad?: SeriesInput[];
  total: SeriesInput[];
}

/** A period's events; `consistent` is false when the measured count exceeds the total (no ratio then). */
export interface PeriodEvents extends EventCounts {
  consistent: boolean;
}

/**
 * The events of each period (edges[i], edges[i + 1]] for ascending `edges`: an increment belongs to
 * the period its timestamp ends in. Throws an Error naming the field for malformed tiles.
 */
export function periodEvents(tiles: SloTiles, edges: number[]): PeriodEvents[] {
  if ((tiles.good === undefined) === (tiles.bad === undefined)) {
    throw new Error('tiles: give exactly one of good and bad');
  }
  const role = tiles.good !== undefined ? 'good' : 'bad';
  const measured = cumulativeAt(prepareRole(tiles[role], role).series, edges);
  const total = cumulativeAt(prepareRole(tiles.total, 'total').series, edges);
  const periods: PeriodEvents[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const {
      good,
      bad,
      total: count,
      consistent,
    } = splitEvents(role, measured[i + 1] - measured[i], total[i + 1] - total[i]);
    periods.push({ good, bad, total: count, consistent });
  }
  return periods;
}
