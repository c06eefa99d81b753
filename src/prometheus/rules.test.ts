import { evaluateSlo } from '../engine';
import { defaultAlerting } from '../spec/defaults';
import { latencySlo, ratioSlo, rawSlo, thresholdSlo } from '../spec/testing';
import type { SloSpec } from '../spec/types';
import { sloAlertRules } from './alerts';
import { templateText } from './alertsTemplate';
import { type AlertingRule, type RecordingRule, type RuleGroup, sloRecordingRules } from './rules';
import { promDuration, promNumber, recordedWindows, tierThresholds } from './rulesWindows';

function groupsOf(result: ReturnType<typeof sloRecordingRules>): RuleGroup[] {
  if (!result.ok) {
    throw new Error(JSON.stringify(result.errors));
  }
  return result.groups;
}

function recordingRules(slo: SloSpec): RecordingRule[] {
  return groupsOf(sloRecordingRules(slo)).flatMap((group) =>
    group.rules.filter((rule): rule is RecordingRule => 'record' in rule)
  );
}

function alertRules(slo: SloSpec, options = {}): AlertingRule[] {
  return groupsOf(sloAlertRules(slo, options)).flatMap((group) =>
    group.rules.filter((rule): rule is AlertingRule => 'alert' in rule)
  );
}

function customTiers(): SloSpec {
  const slo = ratioSlo();
  return {
    ...slo,
    objective: { ...slo.objective, target: 99.5, window: '28d' },
    alerting: {
      tiers: [
        { severity: 'page', longWindow: '90m', shortWindow: '7m', budgetShare: 3, enabled: true },
        { severity: 'ticket', longWindow: '2d', shortWindow: '4h', budgetShare: 15, enabled: true },
        { severity: 'ticket', longWindow: '12h', shortWindow: '1h', budgetShare: 5, enabled: false },
      ],
      minEvents: 0,
    },
  };
}

describe('recordedWindows', () => {
  it('records the engine burn windows and the SLO window; only 5m reads raw counters, half a day and more every 5 minutes', () => {
    expect(
      recordedWindows(ratioSlo()).map(
        ({ label, raw, long }) => `${label} ${raw ? 'raw' : 'built'} ${long ? 'long' : 'short'}`
      )
    ).toEqual([
      '5m raw short',
      '30m built short',
      '1h built short',
      '2h built short',
      '6h built short',
      '1d built long',
      '3d built long',
      '30d built long',
    ]);
  });

  it('adds every tier window, enabled or not, and a calendar window by its nominal length', () => {
    expect(recordedWindows(customTiers()).map((window) => window.label)).toEqual([
      '5m',
      '7m',
      '30m',
      '1h',
      '90m',
      '2h',
      '4h',
      '6h',
      '12h',
      '1d',
      '2d',
      '3d',
      '28d',
    ]);
    expect(recordedWindows(latencySlo()).map((window) => window.label)).toContain('30d');
  });

  it('writes durations in one unit and numbers without float noise', () => {
    expect([90 * 60_000, 86_400_000, 90_000, 1500, 4 * 7 * 86_400_000].map(promDuration)).toEqual([
      '90m',
      '1d',
      '90s',
      '1500ms',
      '28d',
    ]);
    expect(promNumber((0.02 * 30 * 86_400_000) / 3_600_000)).toBe('14.4');
    expect(promNumber(1 - 0.999)).toBe('0.001');
  });
});

describe('sloRecordingRules', () => {
  it('reads raw counters over 5 minutes at most and builds every longer window from the recorded 5m increase', () => {
    for (const slo of [ratioSlo(), latencySlo(), customTiers()]) {
      for (const rule of recordingRules(slo)) {
        for (const [, metric, range] of rule.expr.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{[^}]*\})?\[(\w+)\]/g)) {
          if (metric.startsWith('nines:')) {
            expect(rule.expr).toMatch(/window="5m"/);
          } else {
            expect(['5m']).toContain(range);
          }
        }
      }
    }
  });

  it('records bad and total events and their ratio per window, labelled with the SLO and window', () => {
    const rules = recordingRules(ratioSlo()).filter((rule) => rule.labels.window === '5m');
    expect(rules).toEqual([
      {
        record: 'nines:sli_bad:increase',
        expr:
          '(sum by (route) (increase(http_requests_total{job="checkout",code=~"5.."}[5m])) ' +
          'or 0 * sum by (route) (increase(http_requests_total{job="checkout"}[5m])))',
        labels: { nines_slo: 'checkout-availability', nines_service: 'checkout', window: '5m' },
      },
      {
        record: 'nines:sli_total:increase',
        expr: 'sum by (route) (increase(http_requests_total{job="checkout"}[5m]))',
        labels: { nines_slo: 'checkout-availability', nines_service: 'checkout', window: '5m' },
      },
      {
        record: 'nines:sli_error:ratio',
        expr:
          'nines:sli_bad:increase{nines_slo="checkout-availability",window="5m"} / ' +
          'nines:sli_total:increase{nines_slo="checkout-availability",window="5m"}',
        labels: { nines_slo: 'checkout-availability', nines_service: 'checkout', window: '5m' },
      },
    ]);
  });

  it('derives bad events from good ones, and averages shorter increases for longer windows', () => {
    const rules = recordingRules(latencySlo());
    const bad5m = rules.find((rule) => rule.record === 'nines:sli_bad:increase' && rule.labels.window === '5m');
    expect(bad5m?.expr).toBe(
      'clamp_min(sum(increase(http_request_duration_seconds_count{job="checkout"}[5m])) - ' +
        '(sum(increase(http_request_duration_seconds_bucket{job="checkout",le="0.5"}[5m])) ' +
        'or 0 * sum(increase(http_request_duration_seconds_count{job="checkout"}[5m]))), 0)'
    );
    const total30d = rules.find((rule) => rule.record === 'nines:sli_total:increase' && rule.labels.window === '30d');
    expect(total30d?.expr).toBe(
      'avg_over_time(nines:sli_total:increase{nines_slo="checkout-latency",window="5m"}[30d]) * 8640'
    );
  });

  it('sums per-interval counts instead of taking increases', () => {
    const slo = ratioSlo();
    const rules = recordingRules({ ...slo, sli: { ...slo.sli, valueKind: 'increment' } });
    expect(rules[1].expr).toBe('sum by (route) (sum_over_time(http_requests_total{job="checkout"}[5m]))');
  });

  it('counts the points of a threshold SLI once a minute through subqueries, as its queries are expressions', () => {
    const rules = recordingRules(thresholdSlo());
    const p99 =
      'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="checkout"}[5m])))';
    const total = `sum(sum_over_time((count((${p99})))[5m:1m]))`;
    const good = `sum(sum_over_time((sum((${p99}) <= bool 0.3))[5m:1m]))`;
    const at5m = (record: string) => rules.find((rule) => rule.record === record && rule.labels.window === '5m')?.expr;
    expect(at5m('nines:sli_total:increase')).toBe(total);
    expect(at5m('nines:sli_bad:increase')).toBe(`clamp_min(${total} - (${good} or 0 * ${total}), 0)`);
    const total1h = rules.find((rule) => rule.record === 'nines:sli_total:increase' && rule.labels.window === '1h');
    expect(total1h?.expr).toBe(
      'avg_over_time(nines:sli_total:increase{nines_slo="checkout-p99",window="5m"}[1h]) * 12'
    );
  });

  it('records the objective, the window and the SLO description with the SLO labels', () => {
    const rules = recordingRules(latencySlo()).filter((rule) => rule.record.startsWith('nines:slo_'));
    expect(rules.map(({ record, expr }) => `${record} ${expr}`)).toEqual([
      'nines:slo_objective vector(0.99)',
      'nines:slo_window_seconds vector(2592000)',
      'nines:slo_info vector(1)',
    ]);
    expect(rules[2].labels).toEqual({
      team: 'payments',
      nines_name: 'Checkout latency',
      nines_slo: 'checkout-latency',
      nines_service: 'checkout',
    });
  });

  it('names sli.source for a raw query and the group-by label the rules would overwrite', () => {
    expect(sloRecordingRules(rawSlo())).toEqual({
      ok: false,
      errors: [
        {
          path: 'sli.source',
          message:
            'is a raw loki query: Prometheus rules need a Prometheus query builder (ratio, latency or threshold)',
        },
      ],
    });
    const slo = ratioSlo();
    const source = { ...slo.sli.source, kind: 'prometheusRatio' as const, metric: 'm', matchers: [] };
    const grouped = {
      ...slo,
      sli: { ...slo.sli, source: { ...source, eventMatchers: [], groupBy: ['route', 'window'] } },
    };
    expect(sloRecordingRules(grouped)).toEqual({
      ok: false,
      errors: [{ path: 'sli.source.groupBy[1]', message: 'must not be window: the rules set this label themselves' }],
    });
    expect(sloAlertRules(grouped).ok).toBe(false);
  });
});

describe('sloAlertRules', () => {
  const AT = Date.parse('2026-03-01T00:00:00Z');

  it('uses the factors the engine computes for the same tiers', () => {
    for (const slo of [ratioSlo(), customTiers()]) {
      const tiers = slo.alerting.tiers.filter((tier) => tier.enabled);
      const evaluation = evaluateSlo({
        total: [{ kind: 'increment', times: [AT], values: [1] }],
        bad: [{ kind: 'increment', times: [AT], values: [0] }],
        objective: { target: slo.objective.target / 100, window: slo.objective.window },
        alertTiers: tiers.map(({ severity, longWindow, shortWindow, budgetShare }) => ({
          severity,
          longWindow,
          shortWindow,
          budgetShare: budgetShare / 100,
        })),
        at: AT,
      });
      const rules = alertRules(slo).filter((rule) => rule.alert === 'NinesErrorBudgetBurn');
      expect(rules).toHaveLength(evaluation.alerts.length);
      rules.forEach((rule, index) => {
        const thresholds = [...rule.expr.matchAll(/\/ ([\d.]+) > ([\d.]+)\)/g)];
        expect(thresholds).toHaveLength(2);
        for (const [, budget, factor] of thresholds) {
          expect(Number(factor)).toBeCloseTo(evaluation.alerts[index].factor, 9);
          expect(Number(budget)).toBeCloseTo(1 - slo.objective.target / 100, 12);
        }
        expect(tierThresholds(slo)[index].factor).toBe(evaluation.alerts[index].factor);
      });
    }
  });

  it('fires on the long and the short window of each enabled tier, with severity and for', () => {
    const rules = alertRules(customTiers());
    expect(
      rules.map((rule) => [rule.labels.severity, rule.labels.long_window, rule.labels.short_window, rule.for])
    ).toEqual([
      ['page', '90m', '7m', '2m'],
      ['ticket', '2d', '4h', '15m'],
      ['ticket', undefined, undefined, '10m'],
    ]);
    expect(rules[0].expr).toBe(
      '(max without (window) (nines:sli_error:ratio{nines_slo="checkout-availability",window="90m"}) / 0.005 > 13.44) and ' +
        '(max without (window) (nines:sli_error:ratio{nines_slo="checkout-availability",window="7m"}) / 0.005 > 13.44)'
    );
    expect(rules[2]).toMatchObject({
      alert: 'NinesSloMetricsAbsent',
      expr: 'absent(http_requests_total{job="checkout"})',
    });
  });

  it('guards against low traffic with the long window total when minEvents is set', () => {
    const slo = ratioSlo();
    const [page] = alertRules({ ...slo, alerting: { ...slo.alerting, minEvents: 250 } });
    expect(page.expr).toMatch(
      / and \(max without \(window\) \(nines:sli_total:increase\{nines_slo="checkout-availability",window="1h"\}\) >= 250\)$/
    );
    expect(alertRules(slo)[0].expr).not.toContain('sli_total');
  });

  it('keeps one tier of the same severity and windows: the lowest factor', () => {
    const slo = ratioSlo();
    const [first] = defaultAlerting().tiers;
    const rules = alertRules({
      ...slo,
      alerting: { tiers: [first, { ...first, budgetShare: 1 }, { ...first, budgetShare: 4 }], minEvents: 0 },
    });
    expect(rules.map((rule) => rule.expr.match(/> ([\d.]+)\)$/)?.[1])).toEqual(['7.2', undefined]);
  });

  it('takes for durations from the options, none for an empty one', () => {
    const rules = alertRules(ratioSlo(), { for: { page: '', ticket: '1h' } });
    expect(rules.map((rule) => rule.for)).toEqual([undefined, undefined, '1h', '1h', '10m']);
  });

  it('escapes template actions in every text from the SLO', () => {
    expect(templateText('a {{ $value }} }')).toBe('a {{ "{" }}{{ "{" }} $value }} }');
    const slo = { ...ratioSlo(), name: 'x{{ .Value }}', service: 'y{z' };
    const [page] = alertRules(slo);
    expect(page.labels.nines_service).toBe('y{{ "{" }}z');
    expect(page.annotations.summary.startsWith('x{{ "{" }}{{ "{" }} .Value }}:')).toBe(true);
  });
});
