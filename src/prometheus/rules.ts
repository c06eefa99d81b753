/**
 * Prometheus recording rules for an SLO: bad and total events per window, their ratio, and the
 * SLO's objective and window, all labelled with the SLO (see docs/prometheus.md).
 */
import type { PrometheusSource, SloSpec, SpecError } from '../spec/types';
import { selector, sliQueries } from './promql';
import { groupName, LABEL, RECORDED, RESERVED_LABELS } from './rulesNaming';
import {
  BASE_WINDOW,
  promDuration,
  promNumber,
  recordedWindows,
  type RecordedWindow,
  sloWindowLength,
} from './rulesWindows';

export interface RecordingRule {
  record: string;
  expr: string;
  labels: Record<string, string>;
}

export interface AlertingRule {
  alert: string;
  expr: string;
  /** A Prometheus duration; absent means the alert fires on the first evaluation that matches. */
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export type Rule = RecordingRule | AlertingRule;

/** One group of a Prometheus rule file. */
export interface RuleGroup {
  name: string;
  /** Evaluation interval; absent means Prometheus' global evaluation_interval. */
  interval?: string;
  rules: Rule[];
}

export type RulesResult = { ok: true; groups: RuleGroup[] } | { ok: false; errors: SpecError[] };

/** Recording rules of windows under half a day run every minute; longer ones change slowly. */
export const SLI_INTERVAL = '1m';
export const SLI_LONG_INTERVAL = '5m';

export interface RuleSource {
  source: PrometheusSource;
  groupBy: string[];
}

/** The SLO's Prometheus query builder and group-by labels, or the reasons there are none. */
export function ruleSource(slo: SloSpec): { ok: true; value: RuleSource } | { ok: false; errors: SpecError[] } {
  const source = slo.sli.source;
  if (source.kind === 'raw') {
    return {
      ok: false,
      errors: [
        {
          path: 'sli.source',
          message: `is a raw ${slo.sli.datasource.type} query: Prometheus rules need a Prometheus query builder (ratio, latency or threshold)`,
        },
      ],
    };
  }
  const groupBy = 'groupBy' in source ? source.groupBy : [];
  const errors = groupBy.flatMap((label, index) =>
    RESERVED_LABELS.includes(label)
      ? [
          {
            path: `sli.source.groupBy[${index}]`,
            message: `must not be ${label}: the rules set this label themselves`,
          },
        ]
      : []
  );
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { source, groupBy } };
}

/** The labels every recorded SLI series of the SLO carries, besides its group-by labels. */
export function sloLabels(slo: SloSpec): Record<string, string> {
  return { [LABEL.slo]: slo.uid, [LABEL.service]: slo.service };
}

/** A recorded series of this SLO and window, e.g. nines:sli_total:increase{nines_slo="x",window="5m"}. */
export function recordedSelector(record: string, uid: string, window: string): string {
  return selector(record, [
    { name: LABEL.slo, op: '=', value: uid },
    { name: LABEL.window, op: '=', value: window },
  ]);
}

function sumBy(groupBy: readonly string[], inner: string): string {
  return groupBy.length > 0 ? `sum by (${groupBy.join(', ')}) (${inner})` : `sum(${inner})`;
}

/**
 * The SLI's event and total increases over `range`, each summed over its series (by `groupBy`),
 * read from the raw series.
 */
export function sliIncreases(
  { sli }: Pick<SloSpec, 'sli'>,
  source: PrometheusSource,
  range: string,
  groupBy: readonly string[] = []
): { event: string; total: string } {
  const queries = sliQueries(source, sli.eventKind);
  // Counters need increase(); series that already count per interval are summed. A threshold SLI
  // counts points, and its queries are expressions, not series: a subquery takes one point a minute
  // (six in 5m when Prometheus 2 evaluates on the minute, as its ranges include both ends: the
  // counts grow by a fifth, the ratios do not change).
  const over = (series: string) =>
    source.kind === 'prometheusThreshold'
      ? `sum_over_time((${series})[${range}:${SLI_INTERVAL}])`
      : sli.valueKind === 'counter'
        ? `increase(${series}[${range}])`
        : `sum_over_time(${series}[${range}])`;
  return { event: sumBy(groupBy, over(queries.event)), total: sumBy(groupBy, over(queries.total)) };
}

/** Bad and total events over `range`, read from the raw series. */
export function rawIncreases(
  slo: SloSpec,
  { source, groupBy }: RuleSource,
  range: string
): { bad: string; total: string } {
  const { event, total } = sliIncreases(slo, source, range, groupBy);
  // An event series often appears only with its first event: `or 0 * total` keeps the groups that have none.
  const events = `(${event} or 0 * ${total})`;
  return {
    total,
    bad: slo.sli.eventKind === 'bad' ? events : `clamp_min(${total} - ${events}, 0)`,
  };
}

/**
 * Events over a window from the recorded 5m increase: the average of its samples over the window,
 * times the number of 5m windows in it. Averaging (not summing) keeps the result right whatever the
 * evaluation interval, and through missed evaluations.
 */
function builtIncrease(record: string, uid: string, window: RecordedWindow): string {
  const base = recordedSelector(record, uid, promDuration(BASE_WINDOW));
  return `avg_over_time(${base}[${window.label}]) * ${promNumber(window.ms / BASE_WINDOW)}`;
}

function windowRules(slo: SloSpec, source: RuleSource, window: RecordedWindow): RecordingRule[] {
  const labels = { ...sloLabels(slo), [LABEL.window]: window.label };
  const { bad, total } = window.raw
    ? rawIncreases(slo, source, window.label)
    : {
        bad: builtIncrease(RECORDED.bad, slo.uid, window),
        total: builtIncrease(RECORDED.total, slo.uid, window),
      };
  const ratio = `${recordedSelector(RECORDED.bad, slo.uid, window.label)} / ${recordedSelector(RECORDED.total, slo.uid, window.label)}`;
  return [
    { record: RECORDED.bad, expr: bad, labels },
    { record: RECORDED.total, expr: total, labels },
    // 0 / 0 is NaN when a window has no events: no comparison with NaN is true, so no alert fires.
    { record: RECORDED.errorRatio, expr: ratio, labels },
  ];
}

/** The SLO's labels (not those the rules set, nor group-by labels) with its team, for alerts and joins. */
export function sloContextLabels(slo: SloSpec, groupBy: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [name, value] of Object.entries(slo.labels)) {
    if (!RESERVED_LABELS.includes(name) && !groupBy.includes(name)) {
      labels[name] = value;
    }
  }
  if (slo.team !== '' && !groupBy.includes(LABEL.team)) {
    labels[LABEL.team] = slo.team;
  }
  return labels;
}

function metadataRules(slo: SloSpec): RecordingRule[] {
  const labels = sloLabels(slo);
  return [
    { record: RECORDED.objective, expr: `vector(${promNumber(slo.objective.target / 100)})`, labels },
    {
      record: RECORDED.windowSeconds,
      expr: `vector(${promNumber(sloWindowLength(slo.objective.window).ms / 1000)})`,
      labels,
    },
    {
      record: RECORDED.info,
      expr: 'vector(1)',
      labels: { ...sloContextLabels(slo, []), [LABEL.name]: slo.name, ...labels },
    },
  ];
}

/**
 * The recording rules of an SLO whose SLI is a Prometheus query builder: one group for windows up
 * to half a day (every minute), one for longer windows and the SLO's metadata (every 5 minutes).
 */
export function sloRecordingRules(slo: SloSpec): RulesResult {
  const checked = ruleSource(slo);
  if (!checked.ok) {
    return checked;
  }
  const windows = recordedWindows(slo);
  const rulesOf = (wanted: (window: RecordedWindow) => boolean) =>
    windows.filter(wanted).flatMap((window) => windowRules(slo, checked.value, window));
  return {
    ok: true,
    groups: [
      {
        name: groupName(slo.uid, 'sli'),
        interval: SLI_INTERVAL,
        rules: rulesOf((window) => !window.long),
      },
      {
        name: groupName(slo.uid, 'sli-long'),
        interval: SLI_LONG_INTERVAL,
        rules: [...rulesOf((window) => window.long), ...metadataRules(slo)],
      },
    ],
  };
}
