import { startTransition, useEffect, useMemo, useState } from 'react';
import { dateTime, type TimeRange } from '@grafana/data';
import {
  BATCH_SIZE,
  overviewBatches,
  runOverviewBatch,
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

/**
 * Loads every SLO's hourly tiles over `range`, batch by batch, and hands them on as each batch
 * answers so the overview draws progressively. `refresh` changes to load again; answers of an
 * earlier refresh are dropped. The result of one refresh is kept (cached) while SLOs, range and
 * refresh stay the same, so re-renders and filters ask nothing.
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
  useEffect(() => {
    if (!current) {
      return;
    }
    let live = true;
    const queue = taskQueue(REQUESTS_IN_FLIGHT);
    const drops = current.batches.map((batch) =>
      queue.push(async () => {
        const answered = await runOverviewBatch(batch, current.range, timeZone);
        if (!live) {
          return;
        }
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
      })
    );
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
