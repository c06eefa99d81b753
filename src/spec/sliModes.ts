/**
 * How the SLI editor moves between its modes (ratio, latency and threshold builders, raw queries) and
 * datasources without losing the user's work: pure functions from one `Sli` to the next.
 */
import { isLabelName, isMetricName } from '../prometheus/names';
import { selector, sliQueries, type SliQueries } from '../prometheus/promql';
import { within } from './errorPaths';
import { sloToLibraryPanel } from './libraryPanel';
import type { UnknownRecord } from './read';
import type {
  DataSourceRef,
  PrometheusLatencySource,
  PrometheusRatioSource,
  PrometheusSource,
  PrometheusThresholdSource,
  RawSource,
  Sli,
  SliSource,
  SloSpec,
  SpecError,
} from './types';
import { validateSlo } from './validate';
import { PROMETHEUS_TYPE } from './validateSli';

export type SliMode = SliSource['kind'];
export type BuilderMode = Exclude<SliMode, 'raw'>;

/** The last source of each mode the user had, so that switching back restores it. */
export type RememberedSources = {
  prometheusRatio?: PrometheusRatioSource;
  /**
   * Whether the ratio's condition tells good or bad events: it belongs with the condition, and
   * latency mode sets good, which would silently turn code=~"5.." into the good events.
   */
  ratioEventKind?: Sli['eventKind'];
  prometheusLatency?: PrometheusLatencySource;
  prometheusThreshold?: PrometheusThresholdSource;
  raw?: RawSource;
};

/**
 * Datasources whose query model is PromQL in `expr`: Prometheus (Mimir, Cortex and Thanos use its
 * type too) and Grafana's Amazon and Azure forks. Only `prometheus` gets the query builders: the
 * SLO model ties builders to that type.
 */
const PROMQL_TYPES = [PROMETHEUS_TYPE, 'grafana-amazonprometheus-datasource', 'grafana-azureprometheus-datasource'];
/** Other datasources whose query text lives in `expr`. */
const EXPR_TYPES = [...PROMQL_TYPES, 'loki'];

/** Whether the query builders apply to a datasource of this plugin type. */
export function hasQueryBuilders(type: string): boolean {
  return type === PROMETHEUS_TYPE;
}

/** Whether a raw query of this datasource is edited as its `expr` text rather than as JSON. */
export function usesExprField(type: string, query: UnknownRecord): boolean {
  return EXPR_TYPES.includes(type) || typeof query.expr === 'string';
}

/** The SLI's validation problems; a new SLO without uid or name still has a complete SLI. */
export function sliProblems(slo: SloSpec): SpecError[] {
  const result = validateSlo(slo);
  return result.ok ? [] : result.errors.filter((error) => within(error.path, 'sli'));
}

/** Whether the builder's queries can be written: invalid names cannot (the datasource does not matter here). */
function builderComplete(slo: SloSpec): boolean {
  return (
    slo.sli.source.kind !== 'raw' &&
    !sliProblems(slo).some((error) => within(error.path, 'sli.source') || within(error.path, 'sli.eventKind'))
  );
}

/** The builder's PromQL, or null while the builder is incomplete. */
export function builderQueries(slo: SloSpec): SliQueries | null {
  const { source, eventKind } = slo.sli;
  return source.kind === 'raw' || !builderComplete(slo) ? null : sliQueries(source, eventKind);
}

function emptyQuery(type: string): UnknownRecord {
  return EXPR_TYPES.includes(type) ? { expr: '' } : {};
}

export function emptyRaw(type: string): RawSource {
  return { kind: 'raw', eventQuery: emptyQuery(type), totalQuery: emptyQuery(type) };
}

/**
 * The builder's queries as raw queries, as the library panel's targets hold them but without their
 * min interval: the panel's interval follows the SLO window, and one fixed in the query would not
 * (a 5m step over a quarter is more points than Prometheus answers). Null while incomplete.
 */
export function builderAsRaw(slo: SloSpec): RawSource | null {
  if (!builderComplete(slo)) {
    return null;
  }
  const [event, total] = sloToLibraryPanel(slo).model.targets.map(({ refId, datasource, interval, ...query }) => query);
  return { kind: 'raw', eventQuery: event, totalQuery: total };
}

/**
 * A builder of `mode`, keeping the metric and label matchers of the builder the user leaves (a
 * threshold starts from the selector of the metric and matchers, when they make one).
 */
export function emptyBuilder(mode: BuilderMode, from: SliSource | null = null): PrometheusSource {
  const selectorOf = from && from.kind !== 'raw' && from.kind !== 'prometheusThreshold' ? from : null;
  const metric = selectorOf?.metric ?? '';
  const matchers = selectorOf ? selectorOf.matchers.map((matcher) => ({ ...matcher })) : [];
  switch (mode) {
    case 'prometheusRatio':
      return { kind: mode, metric, matchers, eventMatchers: [], groupBy: [] };
    case 'prometheusLatency':
      return { kind: mode, metric, matchers, thresholdLe: '' };
    case 'prometheusThreshold':
      return { kind: mode, query: safeSelector(metric, matchers), op: 'lte', threshold: 0 };
  }
}

/** The selector text, or '' while the metric or a matcher name is not valid yet. */
function safeSelector(metric: string, matchers: PrometheusRatioSource['matchers']): string {
  const valid = isMetricName(metric) && matchers.every((matcher) => isLabelName(matcher.name));
  return valid ? selector(metric, matchers) : '';
}

/** Threshold SLIs count points per step; the queries of the other builders read counters. */
function builderValueKind(source: SliSource): Sli['valueKind'] {
  return source.kind === 'prometheusThreshold' ? 'increment' : 'counter';
}

/** `remembered` with the SLI's current source added under its mode. */
export function remember(remembered: RememberedSources, { source, eventKind }: Sli): RememberedSources {
  switch (source.kind) {
    case 'prometheusRatio':
      return { ...remembered, prometheusRatio: source, ratioEventKind: eventKind };
    case 'prometheusLatency':
      return { ...remembered, prometheusLatency: source };
    case 'prometheusThreshold':
      return { ...remembered, prometheusThreshold: source };
    case 'raw':
      return { ...remembered, raw: source };
  }
}

/**
 * The SLI in another mode. Raw mode starts from the builder's queries (or the raw queries the user
 * had, or empty ones); a builder comes back as the user left it, or new with the metric and
 * matchers of the other builder. Builders read counters; a latency SLI counts good events, and a
 * ratio comes back with the event kind of its condition.
 */
export function switchMode(slo: SloSpec, mode: SliMode, remembered: RememberedSources): Sli {
  const { sli } = slo;
  if (sli.source.kind === mode) {
    return sli;
  }
  if (mode === 'raw') {
    const fromBuilder = builderAsRaw(slo);
    if (fromBuilder) {
      return { ...sli, valueKind: builderValueKind(sli.source), source: fromBuilder };
    }
    return { ...sli, source: remembered.raw ?? emptyRaw(sli.datasource.type) };
  }
  if (mode === 'prometheusLatency') {
    const source = remembered.prometheusLatency ?? emptyBuilder(mode, sli.source);
    return { ...sli, valueKind: 'counter', eventKind: 'good', source };
  }
  if (mode === 'prometheusThreshold') {
    const source = remembered.prometheusThreshold ?? emptyBuilder(mode, sli.source);
    return { ...sli, valueKind: 'increment', eventKind: 'good', source };
  }
  const source = remembered.prometheusRatio ?? emptyBuilder(mode, sli.source);
  const eventKind = (remembered.prometheusRatio && remembered.ratioEventKind) || sli.eventKind;
  return { ...sli, valueKind: 'counter', eventKind, source };
}

/**
 * The SLI on another datasource. Within one plugin type only the uid changes, and PromQL stays
 * PromQL between Prometheus and its forks. Otherwise Prometheus starts with the ratio builder, and
 * other types with empty raw queries of per-interval counts, as log and SQL queries usually give them.
 */
export function withDatasource(slo: SloSpec, datasource: DataSourceRef): Sli {
  const { sli } = slo;
  const ref = { uid: datasource.uid, type: datasource.type };
  if (datasource.type === sli.datasource.type) {
    return { ...sli, datasource: ref };
  }
  const promqlBoth = PROMQL_TYPES.includes(datasource.type) && PROMQL_TYPES.includes(sli.datasource.type);
  if (promqlBoth && (sli.source.kind === 'raw' || hasQueryBuilders(datasource.type))) {
    return { ...sli, datasource: ref };
  }
  if (promqlBoth) {
    const raw = builderAsRaw(slo);
    return raw
      ? { ...sli, datasource: ref, valueKind: builderValueKind(sli.source), source: raw }
      : { ...sli, datasource: ref, valueKind: 'counter', source: emptyRaw(datasource.type) };
  }
  if (hasQueryBuilders(datasource.type)) {
    return { ...sli, datasource: ref, valueKind: 'counter', source: emptyBuilder('prometheusRatio') };
  }
  return { ...sli, datasource: ref, valueKind: 'increment', source: emptyRaw(datasource.type) };
}
