import { css } from '@emotion/css';
import type { AbsoluteTimeRange, GrafanaTheme2 } from '@grafana/data';
import { getBackendSrv, locationService } from '@grafana/runtime';
import { Alert, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import React, { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { DashboardGrid } from '../dashboard/DashboardGrid';
import { isRecord, parseDashboard, parsePanel, type Dashboard, type DashboardPanel } from '../dashboard/model';
import { PanelView } from '../dashboard/PanelView';
import { describeRange, parseUrlTime, toTimeRange, toUrlRange } from '../dashboard/timeRange';
import { useElementSize } from '../dashboard/useElementSize';
import { hostTemplateSrv } from '../services/templateSrv';

type DashboardLoad =
  { status: 'loading' } | { status: 'done'; dashboard: Dashboard } | { status: 'error'; message: string };

// A load result remembers what it loaded, so a new uid or variable reads as loading at once.
type KeyedLoad = DashboardLoad & { key: string };

/** A library panel's saved model in place of the reference, keeping the dashboard's id and position. */
async function resolveLibraryPanel(panel: DashboardPanel): Promise<DashboardPanel> {
  if (!panel.libraryPanel) {
    return panel;
  }
  const { uid } = panel.libraryPanel;
  try {
    const answer: unknown = await getBackendSrv().get(`/api/library-elements/${uid}`);
    const model = isRecord(answer) && isRecord(answer.result) ? answer.result.model : undefined;
    const parsed = parsePanel(model);
    if (!parsed) {
      throw new Error(`library panel ${uid} has no model`);
    }
    return { ...parsed, id: panel.id, gridPos: panel.gridPos, libraryPanel: panel.libraryPanel };
  } catch (error) {
    const message = isRecord(error) && isRecord(error.data) ? String(error.data.message) : String(error);
    console.error(`[test host] panel ${panel.id}: library panel ${uid} failed to load: ${message}`);
    return { ...panel, loadError: `Library panel ${uid} failed to load: ${message}` };
  }
}

function urlVariables(search: URLSearchParams): Record<string, string[]> {
  const variables: Record<string, string[]> = {};
  for (const [key, value] of search) {
    if (key.startsWith('var-')) {
      (variables[key.slice(4)] ??= []).push(value);
    }
  }
  return variables;
}

/** `viewPanel=3` or Grafana 12's `viewPanel=panel-3`. */
function parseViewPanel(value: string | null): number | undefined {
  const id = value ? Number(value.replace(/^panel-/, '')) : NaN;
  return Number.isFinite(id) ? id : undefined;
}

/**
 * `/d/:uid`: the dashboard from `GET /api/dashboards/uid/:uid`, its panels placed by gridPos, the
 * time range from the URL (`from`, `to`, `timezone`) or the dashboard, and `viewPanel` for one
 * panel at full size. A panel's zoom (onChangeTimeRange) writes the new range to the URL.
 */
export function DashboardRoute() {
  const styles = useStyles2(getStyles);
  const { uid = '' } = useParams();
  const location = useLocation();
  const search = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const variablesKey = JSON.stringify(urlVariables(search));
  const loadKey = `${uid} ${variablesKey}`;
  const [keyedLoad, setLoad] = useState<KeyedLoad>({ status: 'loading', key: loadKey });
  const load: DashboardLoad = keyedLoad.key === loadKey ? keyedLoad : { status: 'loading' };

  useEffect(() => {
    let current = true;
    (async () => {
      const answer: unknown = await getBackendSrv().get(`/api/dashboards/uid/${uid}`);
      const parsedVariables: unknown = JSON.parse(variablesKey);
      const dashboard = parseDashboard(
        isRecord(answer) ? answer.dashboard : undefined,
        isRecord(parsedVariables) ? urlVariablesFromJson(parsedVariables) : {}
      );
      const panels = await Promise.all(dashboard.panels.map(resolveLibraryPanel));
      return { ...dashboard, panels };
    })().then(
      (dashboard) => {
        if (current) {
          hostTemplateSrv.setVariables(dashboard.variables);
          setLoad({ status: 'done', dashboard, key: `${uid} ${variablesKey}` });
        }
      },
      (error: unknown) => {
        const message = isRecord(error) && isRecord(error.data) ? String(error.data.message) : String(error);
        console.error(`[test host] dashboard ${uid} failed to load: ${message}`);
        if (current) {
          setLoad({ status: 'error', message, key: `${uid} ${variablesKey}` });
        }
      }
    );
    return () => {
      current = false;
    };
  }, [uid, variablesKey]);

  const onChangeTimeRange = useCallback((range: AbsoluteTimeRange) => {
    locationService.partial(toUrlRange(range));
  }, []);

  if (load.status === 'loading') {
    return <LoadingPlaceholder text="Loading dashboard..." />;
  }
  if (load.status === 'error') {
    return (
      <Alert severity="error" title={`Dashboard ${uid} failed to load`}>
        {load.message}
      </Alert>
    );
  }

  const { dashboard } = load;
  const from = parseUrlTime(search.get('from')) ?? dashboard.time.from;
  const to = parseUrlTime(search.get('to')) ?? dashboard.time.to;
  const timeZone = search.get('timezone') || dashboard.timezone;
  const viewPanelId = parseViewPanel(search.get('viewPanel'));
  const viewPanel = viewPanelId === undefined ? undefined : dashboard.panels.find((p) => p.id === viewPanelId);

  return (
    <div className={styles.dashboard}>
      <div className={styles.toolbar}>
        <h1 className={styles.title}>{dashboard.title}</h1>
        <span className={styles.range} data-testid="host time-range">
          {describeRange(from, to, timeZone)}
        </span>
      </div>
      <DashboardPanels
        dashboard={dashboard}
        from={from}
        to={to}
        timeZone={timeZone}
        viewPanel={viewPanel}
        onChangeTimeRange={onChangeTimeRange}
      />
    </div>
  );
}

function urlVariablesFromJson(value: Record<string, unknown>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(value).map(([name, values]) => [
      name,
      Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : [],
    ])
  );
}

interface DashboardPanelsProps {
  dashboard: Dashboard;
  from: string;
  to: string;
  timeZone: string;
  viewPanel?: DashboardPanel;
  onChangeTimeRange: (range: AbsoluteTimeRange) => void;
}

function DashboardPanels({ dashboard, from, to, timeZone, viewPanel, onChangeTimeRange }: DashboardPanelsProps) {
  const styles = useStyles2(getStyles);
  const [viewRef, viewSize] = useElementSize<HTMLDivElement>();
  // Relative ranges are evaluated once per change of from/to, like a dashboard without refresh.
  const timeRange = useMemo(() => toTimeRange(from, to, timeZone), [from, to, timeZone]);
  hostTemplateSrv.updateTimeRange(timeRange);

  const renderPanel = (panel: DashboardPanel, width: number, height: number) => (
    <PanelView
      panel={panel}
      dashboardUid={dashboard.uid}
      dashboardTitle={dashboard.title}
      timeRange={timeRange}
      timeZone={timeZone}
      width={width}
      height={height}
      onChangeTimeRange={onChangeTimeRange}
    />
  );

  if (viewPanel) {
    return (
      <div ref={viewRef} className={styles.viewPanel}>
        {viewSize.width > 0 && renderPanel(viewPanel, viewSize.width, viewSize.height)}
      </div>
    );
  }
  return <DashboardGrid panels={dashboard.panels} renderPanel={renderPanel} />;
}

const getStyles = (theme: GrafanaTheme2) => ({
  dashboard: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
    padding: theme.spacing(2),
    flexGrow: 1,
    minHeight: 0,
  }),
  toolbar: css({ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: theme.spacing(2) }),
  title: css({ ...theme.typography.h3, margin: 0 }),
  range: css({ color: theme.colors.text.secondary }),
  viewPanel: css({ position: 'relative', flexGrow: 1, minHeight: 300 }),
});
