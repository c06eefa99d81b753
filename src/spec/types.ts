/**
 * The SLO model of the Nines app: what the editor edits, the store saves as a library panel and
 * OpenSLO files carry. Percentages are percent (99.9), as in the panel's options.
 */
import type { AlertTierOption, SloPanelOptions } from '../panels/slo/types';

export type MatchOp = '=' | '!=' | '=~' | '!~';

/** One label matcher of a Prometheus selector, e.g. `{ name: 'code', op: '=~', value: '5..' }`. */
export interface LabelMatcher {
  name: string;
  op: MatchOp;
  value: string;
}

/** A Grafana datasource, by uid and plugin type (e.g. `prometheus`, `loki`). */
export interface DataSourceRef {
  uid: string;
  type: string;
}

/**
 * Events are a counter's selector: total = metric{matchers}, and the good (or bad) events are
 * the same metric with the event matchers added, e.g. code=~"5..".
 */
export interface PrometheusRatioSource {
  kind: 'prometheusRatio';
  metric: string;
  matchers: LabelMatcher[];
  eventMatchers: LabelMatcher[];
  /** Labels to keep when Prometheus aggregates (recording rules, per-group alerts). */
  groupBy: string[];
}

/** Good events are a histogram's requests at or under a bucket bound: metric_bucket{le} of metric_count. */
export interface PrometheusLatencySource {
  kind: 'prometheusLatency';
  /** The histogram's base name, without _bucket or _count. */
  metric: string;
  matchers: LabelMatcher[];
  /** The bucket bound exactly as the `le` label has it, e.g. '0.5'. */
  thresholdLe: string;
}

export type ThresholdOp = 'lt' | 'lte' | 'gt' | 'gte';

/**
 * OpenSLO's threshold metric: a query of one value per step, good where the value meets the
 * threshold (`value <op> threshold`). Each query step is one point, so the SLI is the share of good
 * points: read as increments, good events only.
 */
export interface PrometheusThresholdSource {
  kind: 'prometheusThreshold';
  /** Any PromQL giving the value (e.g. a latency quantile); several series count as several points. */
  query: string;
  op: ThresholdOp;
  threshold: number;
}

export type PrometheusSource = PrometheusRatioSource | PrometheusLatencySource | PrometheusThresholdSource;

/** Queries in the datasource's own query model (as in a panel's targets, without refId or datasource). */
export interface RawSource {
  kind: 'raw';
  eventQuery: Record<string, unknown>;
  totalQuery: Record<string, unknown>;
}

export type SliSource = PrometheusSource | RawSource;

export interface Sli {
  datasource: DataSourceRef;
  /** Whether the event query counts good or bad events. */
  eventKind: 'good' | 'bad';
  valueKind: 'counter' | 'increment';
  source: SliSource;
}

/**
 * The panel's objective (target in percent, window, budgeting method, time slices) and the time
 * zone of calendar windows (an IANA name; OpenSLO requires one for calendar windows).
 */
export type SloObjective = SloPanelOptions['objective'] & { timeZone: string };

export type SloAlerting = SloPanelOptions['alerting'];

export type { AlertTierOption };

export interface SloSpec {
  /** Grafana uid: 1 to 40 characters of a-z A-Z 0-9 - _. */
  uid: string;
  name: string;
  description: string;
  service: string;
  team: string;
  labels: Record<string, string>;
  /** http(s) URL or ''. */
  runbookUrl: string;
  /** The Grafana folder that holds the SLO's library panel; '' for the root (General). */
  folderUid: string;
  sli: Sli;
  objective: SloObjective;
  alerting: SloAlerting;
}

/** A problem the user can fix, at the path of the field (`objective.target`, `labels.team-x`). */
export interface SpecError {
  path: string;
  message: string;
}

export type SloResult = { ok: true; slo: SloSpec } | { ok: false; errors: SpecError[] };
