/**
 * Reads an OpenSLO v1 SLI spec (inline `indicator.spec` or a kind SLI document) into the spec's
 * `sli`. Prometheus queries that are plain selectors become query builders again; any other query
 * is kept as a raw query of its datasource.
 */
import { removeMatchers } from '../prometheus/matchers';
import { parseSelector, type ParsedSelector } from '../prometheus/parseSelector';
import type { PathRule } from './errorPaths';
import { PROMETHEUS_SOURCE_TYPE } from './opensloFormat';
import { pathOf, type Problems, readBoolean, readRecord, readString, type UnknownRecord } from './read';
import type { DataSourceRef, PrometheusSource } from './types';

export interface ImportOptions {
  /** The datasource for queries whose metricSource names none (most files from elsewhere). */
  datasource?: DataSourceRef;
}

interface MetricQuery {
  ref?: string;
  type?: string;
  spec: UnknownRecord;
  path: string;
}

const THRESHOLD_TYPE =
  'must be Prometheus: Nines reads a threshold metric as a PromQL query, evaluated at every query step';
const RAW_RATIO =
  'is not supported: a precomputed ratio has no event counts, which Nines needs for error budgets and burn rates; ' +
  'use good or bad, and total';

function readMetric(value: unknown, path: string, problems: Problems): MetricQuery {
  const metricPath = pathOf(path, 'metricSource');
  const source = readRecord(readRecord(value, path, problems).metricSource, metricPath, problems);
  const optional = (key: string) =>
    source[key] === undefined ? undefined : readString(source[key], pathOf(metricPath, key), problems);
  const spec = readRecord(source.spec, pathOf(metricPath, 'spec'), problems);
  return { ref: optional('metricSourceRef'), type: optional('type'), spec, path: metricPath };
}

/** A plain selector, also inside one `sum(…)`: Nines sums series itself, after reset detection. */
function plainSelector(query: string): ParsedSelector | null {
  const sum = /^\s*sum\s*\(([\s\S]*)\)\s*$/.exec(query);
  return parseSelector(sum ? sum[1] : query);
}

function builderOf(event: string, total: string, eventKind: string, groupBy: string[]): PrometheusSource | null {
  const eventSelector = plainSelector(event);
  const totalSelector = plainSelector(total);
  if (!eventSelector || !totalSelector) {
    return null;
  }
  const rest = removeMatchers(eventSelector.matchers, totalSelector.matchers);
  const { metric, matchers } = totalSelector;
  if (rest === null) {
    return null;
  }
  if (eventSelector.metric === metric && rest.length > 0) {
    return { kind: 'prometheusRatio', metric, matchers, eventMatchers: rest, groupBy };
  }
  const base = metric.replace(/_count$/, '');
  const [le] = rest;
  const isBucketBound = rest.length === 1 && le.name === 'le' && le.op === '=';
  if (eventKind === 'good' && base !== metric && eventSelector.metric === `${base}_bucket` && isBucketBound) {
    return { kind: 'prometheusLatency', metric: base, matchers, thresholdLe: le.value };
  }
  return null;
}

/** A query builder is one query text in the file: its problems point at the query that holds the field. */
function builderRules(eventQuery: string, totalQuery: string): PathRule[] {
  return [
    ['sli.source.eventMatchers', eventQuery, { whole: true }],
    ['sli.source.thresholdLe', eventQuery, { whole: true }],
    ['sli.source', totalQuery, { whole: true }],
  ];
}

/** The PromQL of a Prometheus metric source (`spec.query`), or null for any other query model. */
function promqlOf(metric: MetricQuery, prometheus: boolean): string | null {
  return prometheus && typeof metric.spec.query === 'string' && !('expr' in metric.spec) ? metric.spec.query : null;
}

function rawQuery(metric: MetricQuery, promql: string | null): UnknownRecord {
  if (promql === null) {
    return { ...metric.spec };
  }
  const { query, ...rest } = metric.spec;
  return { ...rest, expr: promql };
}

/** The datasource of a query, from the file or the import's options, or undefined (a problem then says so). */
function datasourceOf(metric: MetricQuery, options: ImportOptions) {
  return { uid: metric.ref ?? options.datasource?.uid, type: metric.type?.toLowerCase() ?? options.datasource?.type };
}

/**
 * A threshold metric: a Prometheus query of the value. The objective's `op` and `value` complete
 * the source: the caller adds them (they live in the SLO, and the SLI may be another object).
 */
function readThreshold(spec: UnknownRecord, base: string, problems: Problems, options: ImportOptions) {
  const path = pathOf(base, 'thresholdMetric');
  if (spec.ratioMetric !== undefined) {
    problems.add(base, 'must have a ratioMetric or a thresholdMetric, not both');
    return null;
  }
  const metric = readMetric(spec.thresholdMetric, path, problems);
  const datasource = datasourceOf(metric, options);
  if (datasource.type !== undefined && datasource.type !== PROMETHEUS_SOURCE_TYPE.toLowerCase()) {
    problems.add(pathOf(metric.path, metric.type === undefined ? 'metricSourceRef' : 'type'), THRESHOLD_TYPE);
    return null;
  }
  if (datasource.uid === undefined) {
    problems.add(
      pathOf(metric.path, 'metricSourceRef'),
      'is required: the uid of the Grafana datasource to query (or choose a datasource when importing)'
    );
  }
  const queryPath = pathOf(pathOf(metric.path, 'spec'), 'query');
  const rules: PathRule[] = [
    ['sli.datasource.uid', pathOf(metric.path, 'metricSourceRef')],
    ['sli.datasource.type', pathOf(metric.path, 'type')],
    ['sli.source.query', queryPath],
    ['sli.source', path],
  ];
  const source = { kind: 'prometheusThreshold', query: metric.spec.query };
  return { sli: { datasource, eventKind: 'good', valueKind: 'increment', source }, rules };
}

/**
 * The `sli` of a spec (unvalidated) and where its fields are in the file, or null when the SLI
 * cannot be represented (the problems say why). A threshold SLI's source lacks `op` and
 * `threshold`, which the SLO's objective holds.
 */
export function readIndicator(
  spec: UnknownRecord,
  base: string,
  problems: Problems,
  options: ImportOptions,
  groupBy: string[]
): { sli: UnknownRecord; rules: PathRule[] } | null {
  if (spec.thresholdMetric !== undefined) {
    return readThreshold(spec, base, problems, options);
  }
  const ratioPath = pathOf(base, 'ratioMetric');
  const ratio = readRecord(spec.ratioMetric, ratioPath, problems);
  if (ratio.raw !== undefined) {
    problems.add(pathOf(ratioPath, 'raw'), RAW_RATIO);
    return null;
  }
  if ((ratio.good === undefined) === (ratio.bad === undefined)) {
    problems.add(ratioPath, 'must have either good or bad events, and total');
    return null;
  }
  const eventKind = ratio.good !== undefined ? 'good' : 'bad';
  const valueKind = readBoolean(ratio.counter, pathOf(ratioPath, 'counter'), problems, true) ? 'counter' : 'increment';
  const event = readMetric(ratio[eventKind], pathOf(ratioPath, eventKind), problems);
  const total = readMetric(ratio.total, pathOf(ratioPath, 'total'), problems);

  if (event.ref !== undefined && total.ref !== undefined && event.ref !== total.ref) {
    problems.add(
      pathOf(total.path, 'metricSourceRef'),
      `must be the datasource of the ${eventKind} events (${event.ref}): an SLO reads one datasource`
    );
  }
  const uid = event.ref ?? total.ref ?? options.datasource?.uid;
  if (uid === undefined) {
    problems.add(
      pathOf(event.path, 'metricSourceRef'),
      'is required: the uid of the Grafana datasource to query (or choose a datasource when importing)'
    );
  }
  const written = event.type ?? total.type;
  if (event.type !== undefined && total.type !== undefined && event.type.toLowerCase() !== total.type.toLowerCase()) {
    problems.add(pathOf(total.path, 'type'), `must be the type of the ${eventKind} events' source (${event.type})`);
  }
  const type = written?.toLowerCase() ?? options.datasource?.type;
  const prometheus = type === PROMETHEUS_SOURCE_TYPE.toLowerCase();
  const eventPromql = promqlOf(event, prometheus);
  const totalPromql = promqlOf(total, prometheus);
  const builder =
    eventPromql !== null && totalPromql !== null ? builderOf(eventPromql, totalPromql, eventKind, groupBy) : null;
  const source = builder ?? {
    kind: 'raw',
    eventQuery: rawQuery(event, eventPromql),
    totalQuery: rawQuery(total, totalPromql),
  };

  const queryRules = (key: string, metric: MetricQuery, promql: string | null): PathRule[] =>
    promql === null
      ? [[`sli.source.${key}`, pathOf(metric.path, 'spec')]]
      : [
          [`sli.source.${key}.expr`, pathOf(pathOf(metric.path, 'spec'), 'query')],
          [`sli.source.${key}`, pathOf(metric.path, 'spec')],
        ];
  const rules: PathRule[] = [
    [
      'sli.datasource.uid',
      pathOf(event.ref === undefined && total.ref !== undefined ? total.path : event.path, 'metricSourceRef'),
    ],
    ['sli.datasource.type', pathOf(event.path, 'type')],
    ['sli.eventKind', pathOf(ratioPath, eventKind)],
    ['sli.valueKind', pathOf(ratioPath, 'counter')],
    ...(builder === null
      ? [...queryRules('eventQuery', event, eventPromql), ...queryRules('totalQuery', total, totalPromql)]
      : builderRules(pathOf(pathOf(event.path, 'spec'), 'query'), pathOf(pathOf(total.path, 'spec'), 'query'))),
  ];
  return { sli: { datasource: { uid, type }, eventKind, valueKind, source }, rules };
}
