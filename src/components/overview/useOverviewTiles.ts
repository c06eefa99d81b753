import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { dateTime, type TimeRange } from '@grafana/data';
import {
  BATCH_SIZE,
  extendTiles,
  overviewBatches,
  runOverviewBatch,
  TILE_MS,
  tileKey,
  type OverviewBatch,
  type OverviewTiles,
} from '../../query/overviewQueries';
import type { SloSpec } from '../../spec/types';
import { taskQueue } from '../slos/taskQueue';

/** Requests in flight at once: as many as a browser opens to one host. */
const REQUESTS_IN_FLIGHT = 4;

/** What the overview knows of each SLO so far, by uid; SLOs still loading are absent. */
export type TilesByUid = ReadonlyMap<string, OverviewTiles>;

export interface OverviewLoad {
  tiles: TilesByUid;
  /**
   * The last refresh's tiles while this one loads (empty at first): a board being refreshed keeps
   * showing what it knew instead of emptying.
   */
  stale: TilesByUid;
  /** Requests sent and answered for this refresh, for progress and the benchmark. */
  requests: { sent: number; answered: number };
}

/** One refresh: what is asked, and the identity its answers are filed under. */
interface Refresh {
  batches: OverviewBatch[];
  range: TimeRange;
}

interface Answers {
  refresh: Refresh | null;
  tiles: Map<string, OverviewTiles>;
  answered: number;
  /** The tiles of the refresh before this one. */
  previous: TilesByUid;
}

const NO_ANSWERS: Answers = { refresh: null, tiles: new Map(), answered: 0, previous: new Map() };

/** What the last answer told of an SLO, so that a refresh asks only for the recent hours. */
interface Known {
  key: string;
  entry: OverviewTiles;
  from: number;
  to: number;
}

/**
 * A refresh asks again for this many hours before the last one known: their samples may have
 * come in late (a scrape or a remote write that lagged the last refresh).
 */
const RECHECKED_MS = 2 * TILE_MS;

/**
 * Where the batch's refresh can start: every SLO's tiles are summed and known, asked with the same
 * queries over a range that began no later; null means the batch's whole range.
 */
function extendsFrom(batch: OverviewBatch, known: ReadonlyMap<string, Known>, range: TimeRange): number | null {
  let since = Infinity;
  for (const slo of batch.slos) {
    const last = known.get(slo.uid);
    if (!slo.summed || !last?.entry.ok || last.key !== tileKey(slo) || last.from > range.from.valueOf()) {
      return null;
    }
    since = Math.min(since, last.to - (last.to % TILE_MS) - RECHECKED_MS);
  }
  return since > range.from.valueOf() && since < range.to.valueOf() ? since : null;
}

/**
 * Loads every SLO's hourly tiles over `range`, batch by batch, and hands them on as each batch
 * answers so the overview draws progressively. `refresh` changes to load again; answers of an
 * earlier refresh are dropped. The result of one refresh is kept (cached) while SLOs, range and
 * refresh stay the same, so re-renders and filters ask nothing; a refresh asks a query builder's
 * SLOs only for the hours since the last answer (and the two before it).
 */
export function useOverviewTiles(
  slos: SloSpec[] | null,
  range: TimeRange | null,
  timeZone: string,
  refresh: number,
  /** SLOs per request (default BATCH_SIZE). */
  batchSize = BATCH_SIZE
): OverviewLoad {
  const from = range?.from.valueOf();
  const to = range?.to.valueOf();
  const current = useMemo<Refresh | null>(() => {
    if (!slos || from === undefined || to === undefined) {
      return null;
    }
    return {
      batches: overviewBatches(slos, batchSize),
      range: { from: dateTime(from), to: dateTime(to), raw: { from: dateTime(from), to: dateTime(to) } },
    };
    // `refresh` is in the dependencies so that a new refresh is a new identity and loads again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slos, from, to, timeZone, refresh, batchSize]);
  const [answers, setAnswers] = useState<Answers>(NO_ANSWERS);
  const known = useRef(new Map<string, Known>());
  useEffect(() => {
    if (!current) {
      return;
    }
    let live = true;
    const queue = taskQueue(REQUESTS_IN_FLIGHT);
    const { range } = current;
    const drops = current.batches.map((batch) => {
      // A refresh of tiles already known asks only for the last hours (a kiosk refreshes every
      // minute: months of raw samples each time would keep Prometheus busy for nothing).
      const since = extendsFrom(batch, known.current, range);
      const asked =
        since === null ? range : { ...range, from: dateTime(since), raw: { ...range.raw, from: dateTime(since) } };
      return queue.push(async () => {
        const fresh = await runOverviewBatch(batch, asked, timeZone);
        if (!live) {
          return;
        }
        const answered = fresh.map((entry, index) => {
          const before = known.current.get(entry.uid);
          const tiles = since !== null && before ? extendTiles(before.entry, entry, since) : entry;
          known.current.set(entry.uid, {
            key: tileKey(batch.slos[index]),
            entry: tiles,
            from: before && since !== null ? before.from : range.from.valueOf(),
            to: range.to.valueOf(),
          });
          return tiles;
        });
        // A transition: React draws the board with the new SLOs in slices between which the page
        // stays responsive, instead of one long task per answer.
        startTransition(() =>
          setAnswers((before) => {
            const base =
              before.refresh === current ? before : { ...NO_ANSWERS, refresh: current, previous: before.tiles };
            const tiles = new Map(base.tiles);
            answered.forEach((entry) => tiles.set(entry.uid, entry));
            return { refresh: current, tiles, answered: base.answered + 1, previous: base.previous };
          })
        );
      });
    });
    return () => {
      live = false;
      drops.forEach((drop) => drop());
    };
  }, [current, timeZone]);
  const mine = answers.refresh === current;
  return {
    tiles: mine ? answers.tiles : NO_ANSWERS.tiles,
    stale: mine ? answers.previous : answers.tiles,
    requests: { sent: current?.batches.length ?? 0, answered: mine ? answers.answered : 0 },
  };
}
