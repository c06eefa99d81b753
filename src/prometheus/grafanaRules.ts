/**
 * Grafana-managed alert rules for an SLO: one rule per burn-rate tier, each with the SLI's event
 * queries over the tier's two windows and server-side expressions (reduce, math, threshold), so
 * they need no recording rules and work for any datasource Grafana alerting can query. The body is
 * Grafana's PostableRuleGroupConfig, written to the ruler API (see docs/prometheus.md).
 */
import type { SloSpec, SpecError } from '../spec/types';
import { ABSENT_FOR, ALERTS_INTERVAL, burnRuleText, commonAnnotations, distinctTiers } from './alerts';
import { templateLabels, templateText } from './alertsTemplate';
import { sliQueries } from './promql';
import { rawIncreases, ruleSource, sloContextLabels, sloLabels } from './rules';
import { groupName, LABEL } from './rulesNaming';
import { promNumber, tierThresholds, type TierThreshold } from './rulesWindows';

/** Grafana's uid for server-side expressions. */
const EXPRESSION = '__expr__';
/** What Grafana stores when a query leaves them out; set so that a stored rule reads back as posted. */
const INTERVAL_MS = 60_000;
const MAX_DATA_POINTS = 43_200;
/** The annotation that carries a digest of the generated group, to tell whether stored rules are current. */
export const DIGEST_ANNOTATION = 'nines_rules_digest';

export interface AlertQuery {
  refId: string;
  datasourceUid: string;
  queryType: string;
  relativeTimeRange?: { from: number; to: number };
  model: Record<string, unknown>;
}

export interface GrafanaRule {
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  grafana_alert: {
    /** Set when the rule replaces a stored one, so its state and history carry on. */
    uid?: string;
    title: string;
    condition: string;
    data: AlertQuery[];
    no_data_state: 'OK' | 'NoData' | 'Alerting';
    exec_err_state: 'OK' | 'Error' | 'Alerting';
    is_paused: boolean;
  };
}

/** Grafana's PostableRuleGroupConfig with Grafana-managed rules. */
export interface GrafanaRuleGroup {
  name: string;
  interval: string;
  rules: GrafanaRule[];
}

export type GrafanaRulesResult = { ok: true; group: GrafanaRuleGroup } | { ok: false; errors: SpecError[] };

export interface GrafanaRuleOptions {
  /** Grafana's root URL, for the SLO link in the annotations. */
  grafanaUrl?: string;
  /** `for` per severity, as for Prometheus rules. */
  for?: Partial<Record<'page' | 'ticket', string>>;
}

/** The SLI's event queries as the rules read them: PromQL per window, or the datasource's own queries summed by a reduce. */
type EventQueries =
  | { kind: 'promql'; bad: (range: string) => string; total: (range: string) => string }
  | { kind: 'reduced'; eventKind: 'good' | 'bad'; event: Record<string, unknown>; total: Record<string, unknown> };

function eventQueries(slo: SloSpec): { ok: true; value: EventQueries } | { ok: false; errors: SpecError[] } {
  const source = slo.sli.source;
  if (source.kind !== 'raw') {
    const checked = ruleSource(slo);
    if (!checked.ok) {
      return checked;
    }
    return {
      ok: true,
      value: {
        kind: 'promql',
        bad: (range) => rawIncreases(slo, checked.value, range).bad,
        total: (range) => rawIncreases(slo, checked.value, range).total,
      },
    };
  }
  if (slo.sli.valueKind !== 'increment') {
    // A reduce cannot take a counter's increase across resets; Prometheus builders use increase().
    return {
      ok: false,
      errors: [
        {
          path: 'sli.valueKind',
          message:
            'is counter: Grafana-managed rules sum raw queries over each window, so they need queries that count events per interval (increment), or a Prometheus query builder',
        },
      ],
    };
  }
  return {
    ok: true,
    value: { kind: 'reduced', eventKind: slo.sli.eventKind, event: source.eventQuery, total: source.totalQuery },
  };
}

function expression(refId: string, model: Record<string, unknown>): AlertQuery {
  return {
    refId,
    datasourceUid: EXPRESSION,
    queryType: '',
    model: { refId, datasource: { type: EXPRESSION, uid: EXPRESSION }, ...model },
  };
}

/** A query of the SLO's datasource over the last `seconds`. */
function dataQuery(slo: SloSpec, refId: string, seconds: number, model: Record<string, unknown>): AlertQuery {
  return {
    refId,
    datasourceUid: slo.sli.datasource.uid,
    queryType: '',
    relativeTimeRange: { from: seconds, to: 0 },
    model: {
      ...model,
      refId,
      datasource: { type: slo.sli.datasource.type, uid: slo.sli.datasource.uid },
      intervalMs: INTERVAL_MS,
      maxDataPoints: MAX_DATA_POINTS,
    },
  };
}

function promqlQuery(slo: SloSpec, refId: string, seconds: number, expr: string): AlertQuery {
  return dataQuery(slo, refId, seconds, { expr, instant: true, range: false, editorMode: 'code' });
}

/**
 * Bad and total events over one window: `bad_<part>` and `total_<part>` (math: `$bad_long`), or
 * for raw queries the queries summed by reduces and a math giving the bad events.
 */
function windowEvents(slo: SloSpec, queries: EventQueries, part: string, ms: number, range: string): AlertQuery[] {
  const seconds = ms / 1000;
  if (queries.kind === 'promql') {
    return [
      promqlQuery(slo, `bad_${part}`, seconds, queries.bad(range)),
      promqlQuery(slo, `total_${part}`, seconds, queries.total(range)),
    ];
  }
  const sum = (refId: string, input: string) =>
    // dropNN: a missing interval counts no events, as in the engine.
    expression(refId, { type: 'reduce', expression: input, reducer: 'sum', settings: { mode: 'dropNN' } });
  const event = queries.eventKind;
  return [
    dataQuery(slo, `${event}_${part}_series`, seconds, queries.event),
    dataQuery(slo, `total_${part}_series`, seconds, queries.total),
    sum(event === 'bad' ? `bad_${part}` : `good_${part}`, `${event}_${part}_series`),
    sum(`total_${part}`, `total_${part}_series`),
    ...(event === 'good'
      ? [expression(`bad_${part}`, { type: 'math', expression: `$total_${part} - $good_${part}` })]
      : []),
  ];
}

function burnRule(
  slo: SloSpec,
  queries: EventQueries,
  tier: TierThreshold,
  options: GrafanaRuleOptions,
  groupBy: readonly string[]
): GrafanaRule {
  const budget = promNumber(1 - slo.objective.target / 100);
  const factor = promNumber(tier.factor);
  const minEvents = slo.alerting.minEvents;
  const text = burnRuleText(slo, tier, groupBy, options);
  // 0 / 0 is NaN without events, and NaN compares false: no traffic never fires.
  const conditions = [
    `$burn_long > ${factor}`,
    `$burn_short > ${factor}`,
    ...(minEvents > 0 ? [`$total_long >= ${promNumber(minEvents)}`] : []),
  ];
  return {
    for: text.for || '0s',
    labels: text.labels,
    annotations: {
      ...text.annotations,
      description: `${text.annotations.description} Burn rate now: {{ humanize $values.burn_long.Value }}x over ${tier.long.label}, {{ humanize $values.burn_short.Value }}x over ${tier.short.label}.`,
    },
    grafana_alert: {
      title: `${slo.name}: ${tier.severity} at ${factor}x burn over ${tier.long.label} and ${tier.short.label}`,
      condition: 'firing',
      data: [
        ...windowEvents(slo, queries, 'long', tier.long.ms, tier.long.label),
        ...windowEvents(slo, queries, 'short', tier.short.ms, tier.short.label),
        expression('burn_long', { type: 'math', expression: `$bad_long / $total_long / ${budget}` }),
        expression('burn_short', { type: 'math', expression: `$bad_short / $total_short / ${budget}` }),
        expression('firing_now', { type: 'math', expression: conditions.join(' && ') }),
        expression('firing', {
          type: 'threshold',
          expression: 'firing_now',
          conditions: [{ evaluator: { type: 'gt', params: [0] } }],
        }),
      ],
      // Missing traffic is the absent rule's business; errors reach someone as DatasourceError.
      no_data_state: 'OK',
      exec_err_state: 'Error',
      is_paused: false,
    },
  };
}

/** Prometheus builders only: `absent()` of the SLI's total series, as in the Prometheus rules. */
function absentRule(slo: SloSpec, options: GrafanaRuleOptions): GrafanaRule | undefined {
  const source = slo.sli.source;
  if (source.kind === 'raw') {
    return undefined;
  }
  const total = sliQueries(source, slo.sli.eventKind).total;
  return {
    for: ABSENT_FOR,
    labels: templateLabels({ ...sloContextLabels(slo, []), ...sloLabels(slo), [LABEL.severity]: 'ticket' }),
    annotations: {
      summary: templateText(`${slo.name}: no SLI metrics`),
      description: templateText(
        `The datasource has had no series ${total} for ${ABSENT_FOR}: the SLO "${slo.name}" ` +
          `(service ${slo.service}) has no burn rates and its burn-rate alerts cannot fire.`
      ),
      ...commonAnnotations(slo, options),
    },
    grafana_alert: {
      title: `${slo.name}: SLI metrics absent`,
      condition: 'absent',
      data: [
        promqlQuery(slo, 'absent_now', 600, `absent(${total})`),
        expression('absent', {
          type: 'threshold',
          expression: 'absent_now',
          conditions: [{ evaluator: { type: 'gt', params: [0] } }],
        }),
      ],
      // absent() answers nothing while the series exist.
      no_data_state: 'OK',
      exec_err_state: 'Error',
      is_paused: false,
    },
  };
}

/** FNV-1a, 32 bits: a short digest to compare generated groups, not a security measure. */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Which stored rule a generated one replaces: its severity and windows (the absent rule has none). */
export function ruleKey(rule: { labels?: Record<string, string> }): string {
  const labels = rule.labels ?? {};
  return [labels[LABEL.severity], labels[LABEL.longWindow] ?? '', labels[LABEL.shortWindow] ?? ''].join(' ');
}

/** The digest a stored rule carries, or undefined for rules Nines did not write. */
export function ruleDigest(rule: { annotations?: Record<string, string> }): string | undefined {
  return rule.annotations?.[DIGEST_ANNOTATION];
}

/**
 * The SLO's Grafana-managed rule group: a burn-rate rule per enabled tier and, for Prometheus
 * builders, an absent-metrics rule. Every rule carries a digest of the whole group without uids.
 */
export function sloGrafanaRules(slo: SloSpec, options: GrafanaRuleOptions = {}): GrafanaRulesResult {
  const queries = eventQueries(slo);
  if (!queries.ok) {
    return queries;
  }
  const source = slo.sli.source;
  const groupBy = 'groupBy' in source ? source.groupBy : [];
  const absent = absentRule(slo, options);
  const rules = [
    ...distinctTiers(tierThresholds(slo)).map((tier) => burnRule(slo, queries.value, tier, options, groupBy)),
    ...(absent ? [absent] : []),
  ];
  const group = { name: groupName(slo.uid, 'alerts'), interval: ALERTS_INTERVAL, rules };
  const stamp = digest(JSON.stringify(group));
  return {
    ok: true,
    group: {
      ...group,
      rules: rules.map((rule) => ({ ...rule, annotations: { ...rule.annotations, [DIGEST_ANNOTATION]: stamp } })),
    },
  };
}
