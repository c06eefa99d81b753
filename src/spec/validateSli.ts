/** Validation of an SLO's indicator: its datasource, how to read its values, and its queries. */
import { isLabelName, isMetricName, LABEL_NAME_RULE, METRIC_NAME_RULE } from '../prometheus/names';
import { isGrafanaUid, isPluginType, UID_RULE } from './names';
import {
  describeValue,
  isRecord,
  pathOf,
  type Problems,
  readArray,
  readNumber,
  readOneOf,
  readRecord,
  readString,
  type UnknownRecord,
} from './read';
import type { DataSourceRef, LabelMatcher, MatchOp, Sli, SliSource, ThresholdOp } from './types';

const MATCH_OPS: readonly MatchOp[] = ['=', '!=', '=~', '!~'];
const SOURCE_KINDS = ['prometheusRatio', 'prometheusLatency', 'prometheusThreshold', 'raw'] as const;
export const THRESHOLD_OPS: readonly ThresholdOp[] = ['lt', 'lte', 'gt', 'gte'];
/** A Prometheus float as `le` labels hold them: 0.5, 1, 2.5e-3, +Inf. */
const BUCKET_BOUND = /^(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|\+Inf)$/;
/** Keys the SLO sets on every query itself. */
const RESERVED_QUERY_KEYS = ['refId', 'datasource'];

export const PROMETHEUS_TYPE = 'prometheus';

function validateDatasource(value: unknown, path: string, problems: Problems): DataSourceRef {
  const input = readRecord(value, path, problems);
  const uid = readString(input.uid, pathOf(path, 'uid'), problems);
  if (typeof input.uid === 'string' && !isGrafanaUid(uid)) {
    problems.add(pathOf(path, 'uid'), `must be a datasource uid (${UID_RULE}), got ${describeValue(uid)}`);
  }
  const type = readString(input.type, pathOf(path, 'type'), problems);
  if (typeof input.type === 'string' && !isPluginType(type)) {
    problems.add(pathOf(path, 'type'), `must be a datasource plugin id like prometheus, got ${describeValue(type)}`);
  }
  return { uid, type };
}

function validateLabelName(name: string, path: string, problems: Problems): void {
  if (!isLabelName(name)) {
    problems.add(path, `must be a Prometheus label name (${LABEL_NAME_RULE}), got ${describeValue(name)}`);
  }
}

function validateMatchers(value: unknown, path: string, problems: Problems, optional: boolean): LabelMatcher[] {
  return readArray(value, path, problems, optional).map((entry, index) => {
    const at = pathOf(path, index);
    const input = readRecord(entry, at, problems);
    const name = readString(input.name, pathOf(at, 'name'), problems);
    if (typeof input.name === 'string') {
      validateLabelName(name, pathOf(at, 'name'), problems);
    }
    const op = readOneOf(input.op, MATCH_OPS, pathOf(at, 'op'), problems);
    const matcherValue = readString(input.value, pathOf(at, 'value'), problems);
    return { name, op, value: matcherValue };
  });
}

function validateMetric(value: unknown, path: string, problems: Problems): string {
  const metric = readString(value, path, problems);
  if (typeof value === 'string' && !isMetricName(metric)) {
    problems.add(path, `must be a Prometheus metric name (${METRIC_NAME_RULE}), got ${describeValue(metric)}`);
  }
  return metric;
}

function validateQuery(value: unknown, path: string, problems: Problems, type: string): UnknownRecord {
  const query = readRecord(value, path, problems);
  for (const key of RESERVED_QUERY_KEYS.filter((reserved) => reserved in query)) {
    problems.add(pathOf(path, key), `must not be set: the SLO sets each query's ${key} itself`);
  }
  if (type === PROMETHEUS_TYPE && isRecord(value) && !(typeof query.expr === 'string' && query.expr.trim() !== '')) {
    problems.add(pathOf(path, 'expr'), `must be the PromQL of the query, got ${describeValue(query.expr)}`);
  }
  return { ...query };
}

function validateSource(value: unknown, path: string, problems: Problems, type: string): SliSource {
  const input = readRecord(value, path, problems);
  const at = (key: string) => pathOf(path, key);
  const kind = readOneOf(input.kind, SOURCE_KINDS, at('kind'), problems);
  if (kind === 'raw') {
    return {
      kind,
      eventQuery: validateQuery(input.eventQuery, at('eventQuery'), problems, type),
      totalQuery: validateQuery(input.totalQuery, at('totalQuery'), problems, type),
    };
  }
  if (kind === 'prometheusThreshold') {
    const query = readString(input.query, at('query'), problems);
    if (typeof input.query === 'string' && query.trim() === '') {
      problems.add(at('query'), 'must be the PromQL of the value to compare with the threshold');
    }
    const op = readOneOf(input.op, THRESHOLD_OPS, at('op'), problems);
    // readNumber takes finite numbers only: a threshold of Infinity or NaN compares to nothing useful.
    const threshold = readNumber(input.threshold, at('threshold'), problems);
    return { kind, query, op, threshold };
  }
  const metric = validateMetric(input.metric, at('metric'), problems);
  const matchers = validateMatchers(input.matchers, at('matchers'), problems, true);
  if (kind === 'prometheusRatio') {
    const eventMatchers = validateMatchers(input.eventMatchers, at('eventMatchers'), problems, false);
    if (Array.isArray(input.eventMatchers) && eventMatchers.length === 0) {
      problems.add(at('eventMatchers'), 'must have at least one matcher: they tell the counted events from all events');
    }
    const groupBy = readArray(input.groupBy, at('groupBy'), problems, true).map((entry, index) => {
      const label = readString(entry, pathOf(at('groupBy'), index), problems);
      if (typeof entry === 'string') {
        validateLabelName(label, pathOf(at('groupBy'), index), problems);
      }
      return label;
    });
    groupBy.forEach((label, index) => {
      if (groupBy.indexOf(label) !== index) {
        problems.add(pathOf(at('groupBy'), index), `repeats the label ${label}`);
      }
    });
    return { kind, metric, matchers, eventMatchers, groupBy };
  }
  if (/_(?:bucket|count|sum)$/.test(metric)) {
    problems.add(at('metric'), `must be the histogram's base name, without _bucket, _count or _sum, got ${metric}`);
  }
  matchers.forEach((matcher, index) => {
    if (matcher.name === 'le') {
      problems.add(
        pathOf(pathOf(at('matchers'), index), 'name'),
        'must not be le: the threshold sets the bucket bound'
      );
    }
  });
  const thresholdLe = readString(input.thresholdLe, at('thresholdLe'), problems);
  if (typeof input.thresholdLe === 'string' && !BUCKET_BOUND.test(thresholdLe)) {
    problems.add(
      at('thresholdLe'),
      `must be a bucket bound exactly as the le label has it, e.g. 0.5, got ${describeValue(thresholdLe)}`
    );
  }
  return { kind, metric, matchers, thresholdLe };
}

export function validateSli(value: unknown, path: string, problems: Problems): Sli {
  const input = readRecord(value, path, problems);
  const at = (key: string) => pathOf(path, key);
  const datasource = validateDatasource(input.datasource, at('datasource'), problems);
  const eventKind = readOneOf(input.eventKind, ['good', 'bad'] as const, at('eventKind'), problems);
  const valueKind = readOneOf(input.valueKind, ['counter', 'increment'] as const, at('valueKind'), problems);
  const source = validateSource(input.source, at('source'), problems, datasource.type);
  if (source.kind !== 'raw' && isRecord(input.datasource) && datasource.type !== PROMETHEUS_TYPE) {
    problems.add(
      pathOf(at('datasource'), 'type'),
      `must be prometheus for a Prometheus query builder, got ${describeValue(datasource.type)}`
    );
  }
  if (source.kind === 'prometheusLatency' && eventKind !== 'good') {
    problems.add(
      at('eventKind'),
      'must be good for a latency SLI: its buckets count the requests at or under the threshold'
    );
  }
  if (source.kind === 'prometheusThreshold' && eventKind !== 'good') {
    problems.add(at('eventKind'), 'must be good for a threshold SLI: it counts the points that meet the threshold');
  }
  if (source.kind === 'prometheusThreshold' && valueKind !== 'increment') {
    problems.add(
      at('valueKind'),
      'must be increment for a threshold SLI: each query step is one point, good or not, not a counter'
    );
  }
  return { datasource, eventKind, valueKind, source };
}
