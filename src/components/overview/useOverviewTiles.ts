import { useEffect, useState } from 'react';
import { dateTime, type TimeRange } from '@grafana/data';
import { overviewBatches, runOverviewBatch, type OverviewTiles } from '../../query/overviewQueries';
import type { SloSpec } from '../../spec/types';
import { taskQueue } from '../slos/taskQueue';

/** Requests in flight at once: as many as a browser opens to one host. */
const REQUESTS_IN_FLIGHT = 4;

/** What the overview knows of each SLO so far, by uid; SLOs still loading are absent. */
export type TilesByUid = ReadonlyMap<string, OverviewTiles>;

export interface OverviewLoad {
  tiles: TilesByUid;
  /** Requests sent and answered for this refresh, for progress and the benchmark. */
  requests: { sent: number; answered: number };
}

/**
 * Loads every SLO's hourly tiles over `range`, batch by batch, and hands them on as each batch
 * answers so the overview draws progressively. `refresh` changes to load again; answers of an
 * earlier refresh are dropped. The result of one refresh is kept (cached) while SLOs, range and
 * refresh stay the same, so re-renders and filters ask nothing.
 */
export function useOverviewTiles(slos: SloSpec[] | null, range: TimeRange | null, timeZone: string, refresh: number): OverviewLoad {
  const [load, setLoad] = useState<OverviewLoad>({ tiles: new Map(), requests: { sent: 0, answered: 0 } });
  const from = range?.from.valueOf();
  const to = range?.to.valueOf();
  useEffect(() => {
    if (!slos || from === undefined || to === undefined) {
      return;
    }
    let current = true;
    const batches = overviewBatches(slos);
    const queryRange: TimeRange = { from: dateTime(from), to: dateTime(to), raw: { from: dateTime(from), to: dateTime(to) } };
    setLoad({ tiles: new Map(), requests: { sent: batches.length, answered: 0 } });
    const queue = taskQueue(REQUESTS_IN_FLIGHT);
    const drops = batches.map((batch) =>
      queue.push(async () => {
        const answered = await runOverviewBatch(batch, queryRange, timeZone);
        if (current) {
          setLoad((before) => {
            const tiles = new Map(before.tiles);
            answered.forEach((entry) => tiles.set(entry.uid, entry));
            return { tiles, requests: { ...before.requests, answered: before.requests.answered + 1 } };
          });
        }
      })
    );
    return () => {
      current = false;
      drops.forEach((drop) => drop());
    };
  }, [slos, from, to, timeZone, refresh]);
  return load;
}
