/**
 * Runs an SLO's library panel queries outside a dashboard, as Grafana's PanelQueryRunner does for
 * the panel: same datasource, targets, max data points and interval, so the app's pages show the
 * numbers the panel shows for the same time range.
 */
import {
  dateMath,
  dateTimeForTimeZone,
  LoadingState,
  rangeUtil,
  toDataFrame,
  type DataQueryRequest,
  type PanelData,
  type TimeRange,
} from '@grafana/data';
import { getDataSourceSrv, toDataQueryError } from '@grafana/runtime';
import { from, lastValueFrom } from 'rxjs';
import type { SloPanelModel } from '../spec/libraryPanelModel';

export interface SloQueryInput {
  model: SloPanelModel;
  range: TimeRange;
  /** Grafana's time zone of the request: 'utc', 'browser' or an IANA name. */
  timeZone: string;
}

let requestCounter = 0;

/**
 * The SLO window ending at `to` (epoch ms, default now), from the model's relative time
 * (`30d`, or `now/M` for the calendar month so far, in `timeZone`).
 */
export function sloWindowRange(timeFrom: string, timeZone: string, to: number = Date.now()): TimeRange {
  const end = dateTimeForTimeZone(timeZone, to);
  const math = timeFrom.startsWith('now') ? timeFrom.slice('now'.length) : `-${timeFrom}`;
  // parseDateMath changes the time it is given: give it its own.
  const start = dateMath.parseDateMath(math, dateTimeForTimeZone(timeZone, to)) ?? dateTimeForTimeZone(timeZone, to);
  const raw = { from: start, to: end };
  return { from: start, to: end, raw };
}

/** The panel's data for `range`: the datasource's frames, or its error (never throws). */
export async function runSloQueries({ model, range, timeZone }: SloQueryInput): Promise<PanelData> {
  try {
    const datasource = await getDataSourceSrv().get(model.datasource);
    const { interval, intervalMs } = rangeUtil.calculateInterval(range, model.maxDataPoints, model.interval);
    const request: DataQueryRequest = {
      app: 'nines',
      requestId: `nines-slo-${++requestCounter}`,
      timezone: timeZone,
      range,
      interval,
      intervalMs,
      maxDataPoints: model.maxDataPoints,
      targets: model.targets.map((target) => ({ ...target })),
      scopedVars: {
        __interval: { text: interval, value: interval },
        __interval_ms: { text: String(intervalMs), value: intervalMs },
      },
      startTime: Date.now(),
    };
    const response = await lastValueFrom(from(datasource.query(request)));
    const errors = response.errors ?? (response.error ? [response.error] : undefined);
    return {
      state: errors && errors.length > 0 ? LoadingState.Error : LoadingState.Done,
      series: response.data.map(toDataFrame),
      errors,
      error: errors?.[0],
      timeRange: range,
      request,
    };
  } catch (error) {
    const queryError = toDataQueryError(error);
    return { state: LoadingState.Error, series: [], errors: [queryError], error: queryError, timeRange: range };
  }
}
