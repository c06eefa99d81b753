import type { DataQuery, DataSourceRef, FieldConfigSource, TimeZone } from '@grafana/data';
import type { HostVariable } from '../services/templateSrv';

/** Saved dashboard JSON, parsed into what the host draws. Unknown fields are ignored. */

export interface GridPos {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DashboardPanel {
  id: number;
  type: string;
  title: string;
  description?: string;
  gridPos: GridPos;
  /** As saved: the plugin's migration handler decides what it means. */
  options: unknown;
  fieldConfig: FieldConfigSource;
  pluginVersion?: string;
  datasource?: DataSourceRef | null;
  targets: DataQuery[];
  interval?: string;
  maxDataPoints?: number;
  transparent: boolean;
  libraryPanel?: { uid: string; name?: string };
  /** Set when the panel's model could not be loaded (e.g. a missing library panel). */
  loadError?: string;
}

export interface Dashboard {
  uid: string;
  title: string;
  timezone: TimeZone;
  time: { from: string; to: string };
  panels: DashboardPanel[];
  variables: HostVariable[];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function isFieldConfigSource(value: unknown): value is FieldConfigSource {
  return (
    isRecord(value) &&
    isRecord(value.defaults) &&
    Array.isArray(value.overrides) &&
    value.overrides.every((rule) => isRecord(rule) && isRecord(rule.matcher) && Array.isArray(rule.properties))
  );
}

function isDataSourceRef(value: unknown): value is DataSourceRef {
  return isRecord(value) && (value.uid === undefined || typeof value.uid === 'string');
}

function parseDatasource(value: unknown): DataSourceRef | null | undefined {
  if (typeof value === 'string') {
    // Dashboards from before Grafana 8.3 name the datasource instead of referencing it.
    return { uid: value };
  }
  return isDataSourceRef(value) ? value : value === null ? null : undefined;
}

function isDataQuery(value: unknown): value is DataQuery {
  return isRecord(value) && (value.refId === undefined || typeof value.refId === 'string');
}

function parseTargets(value: unknown): DataQuery[] {
  const targets = Array.isArray(value) ? value.filter(isDataQuery) : [];
  // Grafana names unnamed queries A, B, C...
  return targets.map((target, index) => ({
    ...target,
    refId: target.refId || String.fromCharCode(65 + index),
  }));
}

function parseGridPos(value: unknown): GridPos {
  const pos = isRecord(value) ? value : {};
  return { x: num(pos.x) ?? 0, y: num(pos.y) ?? 0, w: num(pos.w) ?? 12, h: num(pos.h) ?? 8 };
}

export function parsePanel(value: unknown): DashboardPanel | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const libraryPanel = isRecord(value.libraryPanel) ? value.libraryPanel : undefined;
  const libraryUid = str(libraryPanel?.uid);
  return {
    id: num(value.id) ?? 0,
    type: str(value.type) ?? '',
    title: str(value.title) ?? '',
    description: str(value.description),
    gridPos: parseGridPos(value.gridPos),
    options: value.options,
    fieldConfig: isFieldConfigSource(value.fieldConfig) ? value.fieldConfig : { defaults: {}, overrides: [] },
    pluginVersion: str(value.pluginVersion),
    datasource: parseDatasource(value.datasource),
    targets: parseTargets(value.targets),
    interval: str(value.interval),
    maxDataPoints: num(value.maxDataPoints),
    transparent: value.transparent === true,
    libraryPanel: libraryUid ? { uid: libraryUid, name: str(libraryPanel?.name) } : undefined,
  };
}

function parseVariable(value: unknown): HostVariable | undefined {
  if (!isRecord(value) || typeof value.name !== 'string') {
    return undefined;
  }
  const current = isRecord(value.current) ? value.current.value : undefined;
  const options = Array.isArray(value.options)
    ? value.options.flatMap((option) => (isRecord(option) && typeof option.value === 'string' ? [option.value] : []))
    : [];
  const currentValue =
    typeof current === 'string'
      ? current
      : Array.isArray(current)
        ? current.filter((v): v is string => typeof v === 'string')
        : typeof value.query === 'string' && value.type === 'constant'
          ? value.query
          : (options[0] ?? '');
  return {
    name: value.name,
    label: str(value.label),
    current: currentValue,
    options,
    multi: value.multi === true,
    includeAll: value.includeAll === true,
    allValue: str(value.allValue) || undefined,
  };
}

/** Reads the `dashboard` of a `GET /api/dashboards/uid/:uid` answer; variables from the URL win. */
export function parseDashboard(value: unknown, urlVariables: Record<string, string[]>): Dashboard {
  if (!isRecord(value)) {
    throw new Error('The dashboard API answered without a dashboard object');
  }
  const time = isRecord(value.time) ? value.time : {};
  const templating = isRecord(value.templating) ? value.templating : {};
  const variables = (Array.isArray(templating.list) ? templating.list : [])
    .map(parseVariable)
    .filter((v): v is HostVariable => v !== undefined)
    .map((variable) => {
      const fromUrl = urlVariables[variable.name];
      if (!fromUrl || fromUrl.length === 0) {
        return variable;
      }
      return { ...variable, current: variable.multi || fromUrl.length > 1 ? fromUrl : fromUrl[0] };
    });
  const timezone = str(value.timezone);
  return {
    uid: str(value.uid) ?? '',
    title: str(value.title) ?? '',
    timezone: timezone === undefined || timezone === '' ? 'browser' : timezone,
    time: { from: str(time.from) ?? 'now-6h', to: str(time.to) ?? 'now' },
    panels: (Array.isArray(value.panels) ? value.panels : [])
      .map(parsePanel)
      .filter((p): p is DashboardPanel => p !== undefined),
    variables,
  };
}
