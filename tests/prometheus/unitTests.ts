/**
 * Writes `promtool test rules` files from TypeScript: input series in promtool's expanding
 * notation, and the alerts expected at given times, rendered as Prometheus renders them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

import { ALERTS, LABEL, ruleFileYaml, sloAlertRules, type AlertingRule } from '../../src/prometheus';
import type { SloSpec } from '../../src/spec/types';
import { promtool } from './promtool';

/** A counter that starts at `start` and then, per segment, grows by `perStep` for `steps` samples. */
export function counterValues(segments: Array<[perStep: number, steps: number]>, start = 0): string {
  const parts = [String(start)];
  let value = start;
  for (const [perStep, steps] of segments) {
    parts.push(`${value + perStep}+${perStep}x${steps - 1}`);
    value += perStep * steps;
  }
  return parts.join(' ');
}

/** Explicit sample values (for irregular counters). */
export function explicitValues(values: number[]): string {
  return values.join(' ');
}

export interface InputSeries {
  series: string;
  values: string;
}

export interface ExpectedAlert {
  exp_labels: Record<string, string>;
  exp_annotations: Record<string, string>;
}

/** The text a Go template of our rules prints: our templates only escape `{` and read $labels. */
export function render(template: string, labels: Record<string, string>): string {
  const actions = /\{\{ "\{" \}\}|\{\{ \$labels\.([a-zA-Z_][a-zA-Z0-9_]*) \}\}/g;
  if (template.replace(actions, '').includes('{{')) {
    throw new Error(`render: an action this test does not know in ${JSON.stringify(template)}`);
  }
  return template.replace(actions, (match, name) => (typeof name === 'string' ? (labels[name] ?? '') : '{'));
}

function renderAlert(rule: AlertingRule, seriesLabels: Record<string, string>): ExpectedAlert {
  const renderAll = (values: Record<string, string>) =>
    Object.fromEntries(Object.entries(values).map(([name, value]) => [name, render(value, seriesLabels)]));
  return {
    exp_labels: { ...seriesLabels, ...renderAll(rule.labels) },
    exp_annotations: renderAll(rule.annotations),
  };
}

function alertRules(slo: SloSpec): AlertingRule[] {
  const result = sloAlertRules(slo);
  if (!result.ok) {
    throw new Error(JSON.stringify(result.errors));
  }
  return result.groups[0].rules.filter((rule): rule is AlertingRule => 'alert' in rule);
}

/** The burn-rate alert of the tier with these windows, for one group of the SLO. */
export function burnAlert(
  slo: SloSpec,
  longWindow: string,
  shortWindow: string,
  groupLabels: Record<string, string> = {}
): ExpectedAlert {
  const rule = alertRules(slo).find(
    (candidate) =>
      candidate.alert === ALERTS.burn &&
      candidate.labels[LABEL.longWindow] === longWindow &&
      candidate.labels[LABEL.shortWindow] === shortWindow
  );
  if (!rule) {
    throw new Error(`no burn alert ${longWindow}/${shortWindow} for ${slo.uid}`);
  }
  return renderAlert(rule, { ...groupLabels, [LABEL.slo]: slo.uid, [LABEL.service]: slo.service });
}

/** The absent-metrics alert; `selectorLabels` are the equality matchers that absent() turns into labels. */
export function absentAlert(slo: SloSpec, selectorLabels: Record<string, string>): ExpectedAlert {
  const rule = alertRules(slo).find((candidate) => candidate.alert === ALERTS.absent);
  if (!rule) {
    throw new Error(`no absent alert for ${slo.uid}`);
  }
  return renderAlert(rule, selectorLabels);
}

export interface AlertCheck {
  /** Minutes after the first sample. */
  minute: number;
  alertname: string;
  alerts: ExpectedAlert[];
}

export interface Scenario {
  name: string;
  slo: SloSpec;
  /** Scrape interval of the input series and evaluation interval of the rules. */
  inputInterval: string;
  evaluationInterval: string;
  series: InputSeries[];
  checks: AlertCheck[];
  exprChecks?: Array<{ minute: number; expr: string; samples: Array<{ labels: string; value: number }> }>;
}

/** Runs one scenario through `promtool test rules` in `dir`; throws with promtool's report when it fails. */
export function runScenario(dir: string, scenario: Scenario): void {
  const [file] = ruleFileYaml([scenario.slo], { per: 'slo' }).files;
  const base = scenario.name.replace(/[^a-z0-9]+/gi, '-');
  const rulesName = `${base}.rules.yml`;
  const testName = `${base}.test.yml`;
  writeFileSync(join(dir, rulesName), file.yaml);
  const test = {
    rule_files: [rulesName],
    evaluation_interval: scenario.evaluationInterval,
    // promtool otherwise picks an order at random; Prometheus runs groups apart, up to one interval late.
    group_eval_order: file.groups.map((group) => group.name),
    tests: [
      {
        name: scenario.name,
        interval: scenario.inputInterval,
        input_series: scenario.series,
        alert_rule_test: scenario.checks.map((check) => ({
          eval_time: `${check.minute}m`,
          alertname: check.alertname,
          exp_alerts: check.alerts,
        })),
        promql_expr_test: (scenario.exprChecks ?? []).map((check) => ({
          expr: check.expr,
          eval_time: `${check.minute}m`,
          exp_samples: check.samples,
        })),
      },
    ],
  };
  writeFileSync(join(dir, testName), stringify(test, { lineWidth: 0, aliasDuplicateObjects: false }));
  const run = promtool(['test', 'rules', testName], dir);
  if (run.status !== 0) {
    throw new Error(`promtool test rules ${testName} failed:\n${run.output}`);
  }
}
