/** PromQL text for SLIs. All PromQL of the app is produced in src/prometheus/. */
import type { LabelMatcher, PrometheusSource, PrometheusThresholdSource, ThresholdOp } from '../spec/types';
import { isLabelName, isMetricName } from './names';

/**
 * Escapes a label value for a double-quoted PromQL string: backslash, double quote and newline.
 * Nothing else can end the string, so a hostile value stays one value.
 */
export function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n]/g, (char) => (char === '\n' ? '\\n' : `\\${char}`));
}

/** `metric{a="x",b=~"y"}`, or `metric` without matchers. Invalid names are a bug of the caller. */
export function selector(metric: string, matchers: readonly LabelMatcher[]): string {
  if (!isMetricName(metric)) {
    throw new Error(`selector: invalid metric name ${JSON.stringify(metric)}; validate the SLO first`);
  }
  const parts = matchers.map(({ name, op, value }) => {
    if (!isLabelName(name)) {
      throw new Error(`selector: invalid label name ${JSON.stringify(name)}; validate the SLO first`);
    }
    return `${name}${op}"${escapeLabelValue(value)}"`;
  });
  return parts.length === 0 ? metric : `${metric}{${parts.join(',')}}`;
}

export interface SliQueries {
  /** Good or bad events, as the SLO's eventKind says. */
  event: string;
  total: string;
}

const COMPARISON: Record<ThresholdOp, string> = { lt: '<', lte: '<=', gt: '>', gte: '>=' };

/**
 * A threshold SLI's points per query step: good is the number of the query's values that meet the
 * threshold, total the number of its values. `bool` keeps every value as 0 or 1, and NaN compares
 * false, so a NaN value is a bad point; `count` counts values whatever they are, NaN included.
 * Both are present at exactly the steps where the query has a value.
 */
export function thresholdQueries(source: PrometheusThresholdSource): SliQueries {
  if (!Number.isFinite(source.threshold)) {
    throw new Error(`thresholdQueries: threshold ${source.threshold} is not finite; validate the SLO first`);
  }
  const value = `(${source.query})`;
  // String() writes every finite double so that PromQL reads it back exactly (1e-7, -2.5, 1e+21).
  return {
    event: `sum(${value} ${COMPARISON[source.op]} bool ${String(source.threshold)})`,
    total: `count(${value})`,
  };
}

/**
 * The SLI's queries as raw counter selectors (threshold SLIs: see thresholdQueries). The panel turns each series into reset-aware
 * increments and only then sums them, so these are deliberately not wrapped in rate, increase or
 * sum: summing counters first would turn one series' reset into a huge negative step.
 */
export function sliQueries(source: PrometheusSource, eventKind: 'good' | 'bad'): SliQueries {
  if (source.kind === 'prometheusRatio') {
    return {
      event: selector(source.metric, [...source.matchers, ...source.eventMatchers]),
      total: selector(source.metric, source.matchers),
    };
  }
  if (eventKind !== 'good') {
    throw new Error('sliQueries: latency and threshold SLIs count good events (validation rejects bad)');
  }
  if (source.kind === 'prometheusThreshold') {
    return thresholdQueries(source);
  }
  return {
    event: selector(`${source.metric}_bucket`, [
      ...source.matchers,
      { name: 'le', op: '=', value: source.thresholdLe },
    ]),
    total: selector(`${source.metric}_count`, source.matchers),
  };
}
