import {
  CoreApp,
  LoadingState,
  rangeUtil,
  toDataFrame,
  type DataQueryRequest,
  type DataQueryResponse,
  type PanelData,
  type ScopedVars,
  type TimeRange,
  type TimeZone,
} from '@grafana/data';
import { getDataSourceSrv, getTemplateSrv, toDataQueryError } from '@grafana/runtime';
import { catchError, defer, from, map, Observable, of, startWith, switchMap } from 'rxjs';
import type { DashboardPanel } from './model';

export interface PanelQuery {
  panel: DashboardPanel;
  dashboardUid: string;
  dashboardTitle: string;
  timeRange: TimeRange;
  timeZone: TimeZone;
  /** Width of the panel in pixels: Grafana's default max data points. */
  width: number;
}

let requestCounter = 0;

/**
 * What Grafana's PanelQueryRunner does for one panel: pick the datasource, derive the interval
 * from the time range, max data points and the panel's min interval, send the targets, and turn
 * the answer into PanelData (loading, then done or error).
 */
export function runPanelQuery(query: PanelQuery): Observable<PanelData> {
  const { panel, timeRange } = query;
  const loading: PanelData = { state: LoadingState.Loading, series: [], timeRange };

  return defer(async () => {
    const datasourceRef = panel.datasource ?? panel.targets.find((t) => t.datasource)?.datasource;
    const datasource = await getDataSourceSrv().get(datasourceRef);
    const maxDataPoints = panel.maxDataPoints ?? Math.max(1, Math.round(query.width));
    const minInterval = panel.interval ? getTemplateSrv().replace(panel.interval) : datasource.interval;
    const { interval, intervalMs } = rangeUtil.calculateInterval(timeRange, maxDataPoints, minInterval ?? undefined);
    const scopedVars: ScopedVars = {
      __interval: { text: interval, value: interval },
      __interval_ms: { text: String(intervalMs), value: intervalMs },
    };
    const targets = panel.targets
      .map((target) => ({ ...target, datasource: target.datasource ?? datasource.getRef() }))
      .filter((target) => !target.hide && (datasource.filterQuery ? datasource.filterQuery(target) : true));
    const request: DataQueryRequest = {
      app: CoreApp.Dashboard,
      requestId: `Q${panel.id}-${++requestCounter}`,
      dashboardUID: query.dashboardUid,
      dashboardTitle: query.dashboardTitle,
      panelId: panel.id,
      panelName: panel.title,
      panelPluginId: panel.type,
      timezone: query.timeZone,
      range: timeRange,
      interval,
      intervalMs,
      maxDataPoints,
      targets,
      scopedVars,
      startTime: Date.now(),
    };
    return { datasource, request };
  }).pipe(
    switchMap(({ datasource, request }) =>
      from(datasource.query(request)).pipe(map((response) => toPanelData(response, request)))
    ),
    catchError((error: unknown) =>
      of<PanelData>({
        state: LoadingState.Error,
        series: [],
        errors: [toDataQueryError(error)],
        error: toDataQueryError(error),
        timeRange,
      })
    ),
    startWith(loading)
  );
}

function toPanelData(response: DataQueryResponse, request: DataQueryRequest): PanelData {
  const errors = response.errors ?? (response.error ? [response.error] : undefined);
  return {
    state: errors && errors.length > 0 ? LoadingState.Error : (response.state ?? LoadingState.Done),
    series: response.data.map(toDataFrame),
    errors,
    error: errors?.[0],
    timeRange: request.range,
    request,
  };
}
