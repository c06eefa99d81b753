/**
 * Multiwindow multi-burn-rate alert rules for an SLO, read from its recorded error ratios, and an
 * alert for when its raw metrics vanish (see docs/prometheus.md).
 */
import { sloPageUrl } from '../constants';
import type { Severity } from '../engine';
import type { SloSpec } from '../spec/types';
import { templateLabels, templateText } from './alertsTemplate';
import { sliQueries } from './promql';
import {
  type AlertingRule,
  recordedSelector,
  ruleSource,
  type RulesResult,
  sloContextLabels,
  sloLabels,
} from './rules';
import { ALERTS, groupName, LABEL, RECORDED } from './rulesNaming';
import { promNumber, sloWindowLength, tierThresholds, type TierThreshold } from './rulesWindows';

export interface AlertRuleOptions {
  /** Grafana's root URL (e.g. https://grafana.example.com); without it the SLO link is a path. */
  grafanaUrl?: string;
  /** `for` per severity; '' fires on the first evaluation that matches. Defaults: DEFAULT_FOR. */
  for?: Partial<Record<Severity, string>>;
}

/**
 * A page waits 2 minutes (two more evaluations) so that one odd evaluation does not wake anyone;
 * a ticket waits 15 minutes, which is nothing against its day-long windows.
 */
export const DEFAULT_FOR: Readonly<Record<Severity, string>> = { page: '2m', ticket: '15m' };
/** The SLO's metrics must be gone this long before the absent alert fires. */
export const ABSENT_FOR = '10m';
export const ALERTS_INTERVAL = '1m';

/** The burn rate over a window, without the window label so the windows of a tier match. */
function burnRate(slo: SloSpec, window: string, budget: number): string {
  return `max without (${LABEL.window}) (${recordedSelector(RECORDED.errorRatio, slo.uid, window)}) / ${promNumber(budget)}`;
}

function percent(fraction: number): string {
  return `${promNumber(fraction * 100)}%`;
}

/** The SLO's page in the app, absolute when Grafana's URL is given. */
export function sloLink(uid: string, grafanaUrl = ''): string {
  return `${grafanaUrl.replace(/\/+$/, '')}${sloPageUrl(uid)}`;
}

export function commonAnnotations(slo: SloSpec, options: AlertRuleOptions): Record<string, string> {
  return {
    ...(slo.runbookUrl !== '' ? { runbook_url: templateText(slo.runbookUrl) } : {}),
    slo_url: templateText(sloLink(slo.uid, options.grafanaUrl)),
  };
}

function groupText(groupBy: readonly string[]): string {
  // Label names are validated ([a-zA-Z_][a-zA-Z0-9_]*), so they are safe inside a template action.
  return groupBy.length > 0 ? ` Group: ${groupBy.map((label) => `${label}="{{ $labels.${label} }}"`).join(', ')}.` : '';
}

/** Labels, annotations and `for` of a tier's burn-rate alert, shared by Prometheus and Grafana-managed rules. */
export function burnRuleText(
  slo: SloSpec,
  tier: TierThreshold,
  groupBy: readonly string[],
  options: AlertRuleOptions
): Pick<AlertingRule, 'labels' | 'annotations'> & { for: string } {
  const budget = 1 - slo.objective.target / 100;
  const factor = promNumber(tier.factor);
  const minEvents = slo.alerting.minEvents;
  const window = sloWindowLength(slo.objective.window);
  const windowText = window.nominal ? `${slo.objective.window} (as ${window.ms / 86_400_000}d)` : slo.objective.window;
  const guard = minEvents > 0 ? ` Only with at least ${promNumber(minEvents)} events in ${tier.long.label}.` : '';
  return {
    for: options.for?.[tier.severity] ?? DEFAULT_FOR[tier.severity],
    labels: templateLabels({
      ...sloContextLabels(slo, groupBy),
      ...sloLabels(slo),
      [LABEL.severity]: tier.severity,
      [LABEL.longWindow]: tier.long.label,
      [LABEL.shortWindow]: tier.short.label,
    }),
    annotations: {
      summary: `${templateText(slo.name)}: error budget burning over ${factor}x (${tier.long.label} and ${tier.short.label})`,
      description: `${templateText(
        `The error ratio of SLO "${slo.name}" (service ${slo.service}) is above ${percent(tier.factor * budget)} ` +
          `over both the last ${tier.long.label} and the last ${tier.short.label}: ${factor}x the ${percent(budget)} ` +
          `that ${promNumber(slo.objective.target)}% over ${windowText} allows. At this rate ` +
          `${percent(tier.budgetShare)} of the error budget is spent in ${tier.long.label}.${guard}`
      )}${groupText(groupBy)}`,
      ...commonAnnotations(slo, options),
    },
  };
}

function burnRule(
  slo: SloSpec,
  tier: TierThreshold,
  groupBy: readonly string[],
  options: AlertRuleOptions
): AlertingRule {
  const budget = 1 - slo.objective.target / 100;
  const factor = promNumber(tier.factor);
  const minEvents = slo.alerting.minEvents;
  const conditions = [
    `(${burnRate(slo, tier.long.label, budget)} > ${factor})`,
    `(${burnRate(slo, tier.short.label, budget)} > ${factor})`,
    // Low-traffic guard: a few bad events among very few are no reason to page.
    ...(minEvents > 0
      ? [
          `(max without (${LABEL.window}) (${recordedSelector(RECORDED.total, slo.uid, tier.long.label)}) >= ${promNumber(minEvents)})`,
        ]
      : []),
  ];
  const { for: for_, labels, annotations } = burnRuleText(slo, tier, groupBy, options);
  return {
    alert: ALERTS.burn,
    expr: conditions.join(' and '),
    ...(for_ !== '' ? { for: for_ } : {}),
    labels,
    annotations,
  };
}

function absentRule(slo: SloSpec, total: string, options: AlertRuleOptions): AlertingRule {
  return {
    alert: ALERTS.absent,
    expr: `absent(${total})`,
    for: ABSENT_FOR,
    labels: templateLabels({ ...sloContextLabels(slo, []), ...sloLabels(slo), [LABEL.severity]: 'ticket' }),
    annotations: {
      summary: templateText(`${slo.name}: no SLI metrics`),
      description: templateText(
        `Prometheus has had no series ${total} for ${ABSENT_FOR}: the SLO "${slo.name}" ` +
          `(service ${slo.service}) has no burn rates and its burn-rate alerts cannot fire.`
      ),
      ...commonAnnotations(slo, options),
    },
  };
}

/** Keeps one tier per severity and pair of windows: the lowest factor, which fires whenever the others would. */
export function distinctTiers(tiers: TierThreshold[]): TierThreshold[] {
  const kept = new Map<string, TierThreshold>();
  for (const tier of tiers) {
    const key = `${tier.severity} ${tier.long.ms} ${tier.short.ms}`;
    const other = kept.get(key);
    if (!other || tier.factor < other.factor) {
      kept.set(key, tier);
    }
  }
  return tiers.filter((tier) => kept.get(`${tier.severity} ${tier.long.ms} ${tier.short.ms}`) === tier);
}

/** The SLO's alert group: one burn-rate alert per enabled tier, and the absent-metrics alert. */
export function sloAlertRules(slo: SloSpec, options: AlertRuleOptions = {}): RulesResult {
  const checked = ruleSource(slo);
  if (!checked.ok) {
    return checked;
  }
  const { source, groupBy } = checked.value;
  const total = sliQueries(source, slo.sli.eventKind).total;
  return {
    ok: true,
    groups: [
      {
        name: groupName(slo.uid, 'alerts'),
        interval: ALERTS_INTERVAL,
        rules: [
          ...distinctTiers(tierThresholds(slo)).map((tier) => burnRule(slo, tier, groupBy, options)),
          absentRule(slo, total, options),
        ],
      },
    ],
  };
}
