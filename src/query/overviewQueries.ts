/**
 * The overview's data: every SLO's event counts as coarse hourly tiles over months, fetched in
 * batches, one request per datasource carrying the queries of many SLOs. Each SLO's panel
 * targets go in as they are (their refIds prefixed to tell the SLOs apart), so the tiles are read
 * with the panel's own query mapping and value kind.
 */
import { type DataFrame, type DataQueryError, type DataQueryRequest, type TimeRange, toDataFrame } from '@grafana/data';
import { getDataSourceSrv, toDataQueryError } from '@grafana/runtime';
import { from, lastValueFrom } from 'rxjs';
import { sloToLibraryPanel } from '../spec/libraryPanel';
import type { SloPanelModel, SloPanelTarget } from '../spec/libraryPanelModel';
import type { DataSourceRef, SloSpec } from '../spec/types';
import { type SloSeriesInput, toSloSeries } from './toSloSeries';

/** One tile per hour: fine enough for months of compliance and a sparkline, 720 points per 30 days. */
export const TILE_MS = 3_600_000;
export const TILE_INTERVAL = '1h';
/** SLOs per request: big enough to save round trips, small enough to draw the first ones early. */
export const BATCH_SIZE = 25;

export type OverviewTiles =
  { ok: true; uid: string; input: SloSeriesInput; empty: boolean } | { ok: false; uid: string; message: string };

export interface OverviewBatch {
  datasource: DataSourceRef;
  slos: Array<{ uid: string; model: SloPanelModel }>;
}

/** The SLOs' panel models grouped by datasource, in chunks of `size`, in the order given. */
export function overviewBatches(slos: SloSpec[], size = BATCH_SIZE): OverviewBatch[] {
  const byDatasource = new Map<string, OverviewBatch[]>();
  const batches: OverviewBatch[] = [];
  for (const slo of slos) {
    const { model } = sloToLibraryPanel(slo);
    const key = `${model.datasource.type}/${model.datasource.uid}`;
    const chunks = byDatasource.get(key) ?? [];
    let last = chunks[chunks.length - 1];
    if (!last || last.slos.length >= size) {
      last = { datasource: model.datasource, slos: [] };
      chunks.push(last);
      batches.push(last);
      byDatasource.set(key, chunks);
    }
    last.slos.push({ uid: slo.uid, model });
  }
  return batches;
}

const PREFIX = /^s(\d+)_(.*)$/;

/**
 * The batch's targets: each SLO's, with refIds `s<index>_<refId>` and the tile as their minimum
 * interval (a panel's targets ask for 1m steps).
 */
export function batchTargets(batch: OverviewBatch): SloPanelTarget[] {
  return batch.slos.flatMap(({ model }, index) =>
    model.targets.map((target) => ({ ...target, refId: `s${index}_${target.refId}`, interval: TILE_INTERVAL }))
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
  return batch.slos.map(({ uid, model }, index) => {
    const problems = [...everyone, ...(errorsOf[index] ?? [])];
    if (problems.length > 0) {
      return { ok: false, uid, message: problems.join('; ') };
    }
    const { queries } = model.options;
    const series = toSloSeries(
      framesOf[index] ?? [],
      { ...queries, eventRefId: queries.eventRefId.trim(), totalRefId: queries.totalRefId.trim() },
      model.targets.map((target) => target.refId)
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
