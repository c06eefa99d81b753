/**
 * The overview's data: every SLO's event counts as coarse hourly tiles over months, fetched in
 * batches, one request per datasource carrying the queries of many SLOs (their refIds prefixed to
 * tell the SLOs apart). A Prometheus query builder's tiles are its hourly increases, summed by
 * Prometheus; a raw query goes in as the SLO's panel has it, read with the panel's value kind.
 */
import { type DataFrame, type DataQueryError, type DataQueryRequest, type TimeRange, toDataFrame } from '@grafana/data';
import { getDataSourceSrv, toDataQueryError } from '@grafana/runtime';
import { from, lastValueFrom } from 'rxjs';
import { builderTargets, sloToLibraryPanel } from '../spec/libraryPanel';
import type { SloPanelTarget } from '../spec/libraryPanelModel';
import { sliIncreases } from '../prometheus';
import type { DataSourceRef, SloSpec } from '../spec/types';
import type { QueryMapping } from './mapping';
import type { SeriesInput } from '../engine';
import { type SloSeriesInput, toSloSeries } from './toSloSeries';

/** One tile per hour: fine enough for months of compliance and a sparkline, 720 points per 30 days. */
export const TILE_MS = 3_600_000;
export const TILE_INTERVAL = '1h';
/** SLOs per request: big enough to save round trips, small enough to draw the first ones early. */
export const BATCH_SIZE = 25;

export type OverviewTiles =
  { ok: true; uid: string; input: SloSeriesInput; empty: boolean } | { ok: false; uid: string; message: string };

/** The queries of one SLO's tiles, and how to read their answers. */
export interface TileQueries {
  uid: string;
  targets: SloPanelTarget[];
  queries: QueryMapping;
  /**
   * Each query answers one series of hourly increments at most (Prometheus sums them), so a
   * refresh may ask for the last hours only and append them (extendTiles).
   */
  summed: boolean;
}

export interface OverviewBatch {
  datasource: DataSourceRef;
  slos: TileQueries[];
}

/**
 * The SLO's tile queries. A builder's raw counters read at hourly steps would lose the events
 * between the last hourly sample and a counter reset (up to an hour of them), so Prometheus sums
 * each hour's reset-aware increases instead: one series per query, whatever the SLI's series.
 */
export function tileQueries(slo: SloSpec): TileQueries {
  const { source, eventKind } = slo.sli;
  if (source.kind === 'raw') {
    const { model } = sloToLibraryPanel(slo);
    return { uid: slo.uid, targets: model.targets, queries: model.options.queries, summed: false };
  }
  return {
    uid: slo.uid,
    targets: builderTargets(slo.sli, sliIncreases(slo, source, TILE_INTERVAL), TILE_INTERVAL),
    queries: { eventKind, eventRefId: eventKind, totalRefId: 'total', valueKind: 'increment' },
    summed: true,
  };
}

/** The SLOs' tile queries grouped by datasource (and `summed`), in chunks of `size`, in the order given. */
export function overviewBatches(slos: SloSpec[], size = BATCH_SIZE): OverviewBatch[] {
  const byDatasource = new Map<string, OverviewBatch[]>();
  const batches: OverviewBatch[] = [];
  for (const slo of slos) {
    const { datasource } = slo.sli;
    const tiles = tileQueries(slo);
    // Summed SLOs apart, so that a raw query's batch, which a refresh asks again in full, holds none.
    const key = `${datasource.type}/${datasource.uid}/${tiles.summed}`;
    const chunks = byDatasource.get(key) ?? [];
    let last = chunks[chunks.length - 1];
    if (!last || last.slos.length >= size) {
      last = { datasource: { ...datasource }, slos: [] };
      chunks.push(last);
      batches.push(last);
      byDatasource.set(key, chunks);
    }
    last.slos.push(tiles);
  }
  return batches;
}

/** Identifies what an SLO's tiles were asked with: tiles of another key cannot be extended. */
export function tileKey({ targets, queries }: Pick<TileQueries, 'targets' | 'queries'>): string {
  return JSON.stringify([targets, queries]);
}

const ROLES = ['good', 'bad', 'total'] as const;

/**
 * `before`'s tiles up to `since` (exclusive) followed by `after`'s from `since` on: the answer of a
 * refresh that asked a `summed` SLO only for the hours from `since` (so each role has one series at
 * most). A failed `after` is returned as it is.
 */
export function extendTiles(before: OverviewTiles, after: OverviewTiles, since: number): OverviewTiles {
  if (!before.ok || !after.ok) {
    return after;
  }
  const input: SloSeriesInput = { total: [] };
  let samples = 0;
  for (const role of ROLES) {
    if (before.input[role] === undefined && after.input[role] === undefined) {
      continue;
    }
    const times: number[] = [];
    const values: number[] = [];
    const take = (series: SeriesInput | undefined, keep: (time: number) => boolean) => {
      for (let i = 0; series && i < series.times.length; i++) {
        if (keep(series.times[i])) {
          times.push(series.times[i]);
          values.push(series.values[i]);
        }
      }
    };
    take(before.input[role]?.[0], (time) => time < since);
    take(after.input[role]?.[0], (time) => time >= since);
    samples += times.length;
    input[role] = times.length > 0 ? [{ times, values, kind: 'increment' }] : [];
  }
  return { ok: true, uid: after.uid, input, empty: samples === 0 };
}

const PREFIX = /^s(\d+)_(.*)$/;

/**
 * The batch's targets: each SLO's, with refIds `s<index>_<refId>` and the tile as their minimum
 * interval (a panel's targets ask for 1m steps).
 */
export function batchTargets(batch: OverviewBatch): SloPanelTarget[] {
  return batch.slos.flatMap(({ targets }, index) =>
    targets.map((target) => ({ ...target, refId: `s${index}_${target.refId}`, interval: TILE_INTERVAL }))
  );
}

function errorText(error: DataQueryError): string {
  return error.message ?? error.data?.message ?? 'the query failed';
}

/** Splits a batch's answer back into each SLO's tiles, read as its panel reads its data. */
export function splitBatch(batch: OverviewBatch, frames: DataFrame[], errors: DataQueryError[] = []): OverviewTiles[] {
  const framesOf = batch.slos.map((): DataFrame[] => []);
  for (const frame of frames) {
    const match = PREFIX.exec(frame.refId ?? '');
    if (match) {
      framesOf[Number(match[1])]?.push({ ...frame, refId: match[2] });
    }
  }
  const errorsOf = batch.slos.map((): string[] => []);
  const everyone: string[] = [];
  for (const error of errors) {
    const match = PREFIX.exec(error.refId ?? '');
    (match ? errorsOf[Number(match[1])] : everyone)?.push(errorText(error));
  }
  return batch.slos.map(({ uid, targets, queries }, index) => {
    const problems = [...everyone, ...(errorsOf[index] ?? [])];
    if (problems.length > 0) {
      return { ok: false, uid, message: problems.join('; ') };
    }
    const series = toSloSeries(
      framesOf[index] ?? [],
      { ...queries, eventRefId: queries.eventRefId.trim(), totalRefId: queries.totalRefId.trim() },
      targets.map((target) => target.refId)
    );
    return series.ok
      ? { ok: true, uid, input: series.input, empty: series.empty }
      : { ok: false, uid, message: series.message };
  });
}

let requestCounter = 0;

/** One request for the batch's SLOs over `range`, at one tile per hour. Never rejects. */
export async function runOverviewBatch(
  batch: OverviewBatch,
  range: TimeRange,
  timeZone: string
): Promise<OverviewTiles[]> {
  try {
    const datasource = await getDataSourceSrv().get(batch.datasource);
    const span = range.to.valueOf() - range.from.valueOf();
    const request: DataQueryRequest = {
      app: 'nines',
      requestId: `nines-overview-${++requestCounter}`,
      timezone: timeZone,
      range,
      interval: TILE_INTERVAL,
      intervalMs: TILE_MS,
      maxDataPoints: Math.ceil(span / TILE_MS) + 1,
      targets: batchTargets(batch),
      scopedVars: {
        __interval: { text: TILE_INTERVAL, value: TILE_INTERVAL },
        __interval_ms: { text: String(TILE_MS), value: TILE_MS },
      },
      startTime: Date.now(),
    };
    const response = await lastValueFrom(from(datasource.query(request)));
    const errors = response.errors ?? (response.error ? [response.error] : []);
    return splitBatch(batch, response.data.map(toDataFrame), errors);
  } catch (error) {
    const message = errorText(toDataQueryError(error));
    return batch.slos.map(({ uid }) => ({ ok: false, uid, message }));
  }
}
