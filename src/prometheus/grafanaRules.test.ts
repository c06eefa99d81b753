import Ajv, { type SchemaObject } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import fs from 'fs';
import path from 'path';

import { sloPageUrl } from '../constants';
import { defaultAlerting } from '../spec/defaults';
import { latencySlo, ratioSlo, rawSlo, thresholdSlo } from '../spec/testing';
import type { SloSpec } from '../spec/types';
import {
  type AlertQuery,
  type GrafanaRule,
  type GrafanaRuleGroup,
  type GrafanaRuleOptions,
  ruleDigest,
  ruleKey,
  sloGrafanaRules,
} from './grafanaRules';
import { escapeLabelValue, sliQueries } from './promql';
import { rawIncreases, type RecordingRule, ruleSource, type RuleSource, sloRecordingRules } from './rules';
import { type TierThreshold, tierThresholds } from './rulesWindows';

const EXPR = '__expr__';
// Fixed so that failures reproduce.
const SEED = 20261126;

function groupOf(slo: SloSpec, options: GrafanaRuleOptions = {}): GrafanaRuleGroup {
  const result = sloGrafanaRules(slo, options);
  if (!result.ok) {
    throw new Error(JSON.stringify(result.errors));
  }
  return result.group;
}

const burnRules = (group: GrafanaRuleGroup) => group.rules.filter((rule) => rule.labels.long_window !== undefined);
const isData = (query: AlertQuery) => query.datasourceUid !== EXPR;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The tier a burn rule stands for: same severity and windows, lowest factor. */
function tierOf(slo: SloSpec, rule: GrafanaRule): TierThreshold {
  const [tier] = tierThresholds(slo)
    .filter(
      ({ severity, long, short }) =>
        severity === rule.labels.severity &&
        long.label === rule.labels.long_window &&
        short.label === rule.labels.short_window
    )
    .sort((a, b) => a.factor - b.factor);
  if (!tier) {
    throw new Error(`no tier for ${rule.grafana_alert.title}`);
  }
  return tier;
}

function sourceOf(slo: SloSpec): RuleSource {
  const checked = ruleSource(slo);
  if (!checked.ok) {
    throw new Error(JSON.stringify(checked.errors));
  }
  return checked.value;
}

function queryExpr(rule: GrafanaRule, refId: string): string {
  return text(rule.grafana_alert.data.find((query) => query.refId === refId)?.model.expr);
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

const ALL_SLOS: Array<[string, () => SloSpec]> = [
  ['ratio', ratioSlo],
  ['latency', latencySlo],
  ['threshold', thresholdSlo],
  ['raw increment', rawSlo],
  ['custom tiers', customTiers],
];

/**
 * Grafana's server-side expressions on plain numbers, as far as the rules use them: math with
 * `$ref`, numbers, `/`, `-`, `>`, `>=`, `&&` (Go semantics: comparisons give 1 or 0 and are false
 * with NaN, `&&` is 1 when both sides are non-zero), reduce sum dropping NaN, threshold gt.
 * Data queries answer from `inputs` by refId. Anything else throws, so new syntax fails the tests.
 */
function evaluateRule(rule: GrafanaRule, inputs: Record<string, number | number[]>): boolean {
  const values = new Map<string, number | number[]>();
  const number = (refId: string): number => {
    const value = values.get(refId);
    if (typeof value !== 'number') {
      throw new Error(`${refId} is not an earlier number of the rule`);
    }
    return value;
  };
  for (const query of rule.grafana_alert.data) {
    const { model } = query;
    if (isData(query)) {
      const input = inputs[query.refId];
      if (input === undefined) {
        throw new Error(`no input for ${query.refId}`);
      }
      values.set(query.refId, input);
    } else if (model.type === 'math') {
      values.set(query.refId, evaluateMath(text(model.expression), number));
    } else if (model.type === 'reduce') {
      const series = values.get(text(model.expression));
      expect(model).toMatchObject({ reducer: 'sum', settings: { mode: 'dropNN' } });
      if (!Array.isArray(series)) {
        throw new Error(`reduce of ${text(model.expression)}: not an earlier series`);
      }
      values.set(
        query.refId,
        series.filter((point) => !Number.isNaN(point)).reduce((sum, point) => sum + point, 0)
      );
    } else if (model.type === 'threshold') {
      expect(model.conditions).toEqual([{ evaluator: { type: 'gt', params: [0] } }]);
      values.set(query.refId, number(text(model.expression)) > 0 ? 1 : 0);
    } else {
      throw new Error(`unknown expression ${JSON.stringify(model)}`);
    }
  }
  return number(rule.grafana_alert.condition) === 1;
}

function evaluateMath(expression: string, ref: (refId: string) => number): number {
  const tokens = [...expression.matchAll(/\s*(\$[a-zA-Z_]\w*|\d+(?:\.\d+)?(?:e[+-]?\d+)?|&&|>=|>|\/|-|\(|\)|\S)/g)].map(
    (match) => match[1]
  );
  let at = 0;
  const take = (token: string) => (tokens[at] === token ? (at++, true) : false);
  const primary = (): number => {
    const token = tokens[at++] ?? '';
    if (token.startsWith('$')) {
      return ref(token.slice(1));
    }
    if (/^\d/.test(token)) {
      return Number(token);
    }
    if (token === '(') {
      const value = and();
      expect(take(')')).toBe(true);
      return value;
    }
    throw new Error(`math: unexpected ${JSON.stringify(token)} in ${expression}`);
  };
  const quotient = () => {
    let value = primary();
    while (take('/')) {
      value /= primary();
    }
    return value;
  };
  const difference = () => {
    let value = quotient();
    while (take('-')) {
      value -= quotient();
    }
    return value;
  };
  const comparison = () => {
    const left = difference();
    if (take('>=')) {
      return left >= difference() ? 1 : 0;
    }
    return take('>') ? (left > difference() ? 1 : 0) : left;
  };
  const and = (): number => {
    let value = comparison();
    while (take('&&')) {
      const right = comparison();
      value = value !== 0 && right !== 0 ? 1 : 0;
    }
    return value;
  };
  const value = and();
  expect(at).toBe(tokens.length);
  return value;
}

describe('sloGrafanaRules: the rules per tier', () => {
  it('writes a rule per tier with title, for, labels and annotations, and an absent rule', () => {
    const group = groupOf(ratioSlo(), { grafanaUrl: 'https://grafana.example.com/' });
    expect(group).toMatchObject({ name: 'nines-checkout-availability-alerts', interval: '1m' });
    expect(group.rules.map((rule) => [rule.grafana_alert.title, rule.for])).toEqual([
      ['Checkout availability: page at 14.4x burn over 1h and 5m', '2m'],
      ['Checkout availability: page at 6x burn over 6h and 30m', '2m'],
      ['Checkout availability: ticket at 3x burn over 1d and 2h', '15m'],
      ['Checkout availability: ticket at 1x burn over 3d and 6h', '15m'],
      ['Checkout availability: SLI metrics absent', '10m'],
    ]);
    const [page] = group.rules;
    expect(page.labels).toEqual({
      tier: '1',
      env: 'prod',
      team: 'payments',
      nines_slo: 'checkout-availability',
      nines_service: 'checkout',
      severity: 'page',
      long_window: '1h',
      short_window: '5m',
    });
    const sloUrl = `https://grafana.example.com${sloPageUrl('checkout-availability')}`;
    expect(page.annotations).toMatchObject({
      summary: 'Checkout availability: error budget burning over 14.4x (1h and 5m)',
      runbook_url: 'https://runbooks.example.com/checkout',
      slo_url: sloUrl,
    });
    expect(page.annotations.description).toContain('route="{{ $labels.route }}"');
    expect(group.rules[4].labels).toEqual({
      tier: '1',
      env: 'prod',
      team: 'payments',
      nines_slo: 'checkout-availability',
      nines_service: 'checkout',
      severity: 'ticket',
    });
    expect(group.rules[4].annotations).toMatchObject({
      slo_url: sloUrl,
      summary: 'Checkout availability: no SLI metrics',
    });
    expect(groupOf(latencySlo()).rules[0].annotations.runbook_url).toBeUndefined();
    expect(groupOf(latencySlo()).rules[0].annotations.slo_url).toBe(sloPageUrl('checkout-latency'));
  });

  it('takes for from the options, an empty one as 0s', () => {
    const group = groupOf(ratioSlo(), { for: { page: '', ticket: '1h' } });
    expect(group.rules.map((rule) => rule.for)).toEqual(['0s', '0s', '1h', '1h', '10m']);
  });

  it.each(ALL_SLOS)(
    '%s: refers only to earlier refIds, queries its datasource over each window, expressions on __expr__',
    (_, make) => {
      const slo = make();
      const group = groupOf(slo);
      for (const rule of group.rules) {
        const { data, condition } = rule.grafana_alert;
        const refIds = data.map((query) => query.refId);
        expect(new Set(refIds).size).toBe(refIds.length);
        expect(refIds).toContain(condition);
        const tier = rule.labels.long_window !== undefined ? tierOf(slo, rule) : undefined;
        data.forEach((query, index) => {
          const earlier = refIds.slice(0, index);
          expect(query.model.refId).toBe(query.refId);
          if (isData(query)) {
            expect(query.datasourceUid).toBe(slo.sli.datasource.uid);
            expect(query.model.datasource).toEqual(slo.sli.datasource);
            const ms = !tier ? 600_000 : /_long/.test(query.refId) ? tier.long.ms : tier.short.ms;
            expect(query.relativeTimeRange).toEqual({ from: ms / 1000, to: 0 });
            return;
          }
          expect(query.datasourceUid).toBe(EXPR);
          expect(query.model.datasource).toEqual({ type: EXPR, uid: EXPR });
          const expression = text(query.model.expression);
          const refs =
            query.model.type === 'math' ? [...expression.matchAll(/\$(\w+)/g)].map((match) => match[1]) : [expression];
          expect(refs.length).toBeGreaterThan(0);
          for (const ref of refs) {
            expect(earlier).toContain(ref);
          }
        });
        for (const [, ref] of Object.values(rule.annotations)
          .join(' ')
          .matchAll(/\$values\.(\w+)/g)) {
          expect(refIds).toContain(ref);
        }
      }
    }
  );

  it('gives no rule to a disabled tier and one to tiers of the same severity and windows: the lowest factor', () => {
    const slo = ratioSlo();
    const [first, second] = defaultAlerting().tiers;
    const tiers = [first, { ...first, budgetShare: 1 }, { ...first, budgetShare: 4 }, { ...second, enabled: false }];
    const rules = burnRules(groupOf({ ...slo, alerting: { tiers, minEvents: 0 } }));
    expect(rules.map((rule) => rule.grafana_alert.title)).toEqual([
      'Checkout availability: page at 7.2x burn over 1h and 5m',
    ]);
    const firing = rules[0].grafana_alert.data.find((query) => query.refId === 'firing_now');
    expect(firing?.model.expression).toBe('$burn_long > 7.2 && $burn_short > 7.2');
    expect(burnRules(groupOf(customTiers())).map(ruleKey)).toEqual(['page 90m 7m', 'ticket 2d 4h']);
  });
});

describe('sloGrafanaRules: the PromQL', () => {
  it.each([
    ['ratio', ratioSlo],
    ['latency', latencySlo],
    ['threshold', thresholdSlo],
  ])('%s: reads the raw increases of each window, as the recording rules do', (_, make) => {
    const slo = make();
    const recording = sloRecordingRules(slo);
    expect(recording.ok).toBe(true);
    const recorded = recording.ok ? recording.groups.flatMap((group) => group.rules) : [];
    const recorded5m = (record: string) =>
      recorded.find(
        (rule): rule is RecordingRule => 'record' in rule && rule.record === record && rule.labels.window === '5m'
      )?.expr;
    const rules = burnRules(groupOf(slo));
    for (const rule of rules) {
      for (const part of ['long', 'short'] as const) {
        const range = text(rule.labels[`${part}_window`]);
        const expected = rawIncreases(slo, sourceOf(slo), range);
        expect(queryExpr(rule, `bad_${part}`)).toBe(expected.bad);
        expect(queryExpr(rule, `total_${part}`)).toBe(expected.total);
        expect(rule.grafana_alert.data.find((query) => query.refId === `bad_${part}`)?.model).toMatchObject({
          instant: true,
          range: false,
        });
      }
    }
    expect(queryExpr(rules[0], 'bad_short')).toBe(recorded5m('nines:sli_bad:increase'));
    expect(queryExpr(rules[0], 'total_short')).toBe(recorded5m('nines:sli_total:increase'));
  });

  it('keeps hostile values escaped in PromQL and literal in templated labels and annotations', () => {
    const hostile = 'a"b\\c\nd{{ $value }}';
    const base = ratioSlo();
    const slo: SloSpec = {
      ...base,
      name: `Pay {{ .Value }} "${hostile}"`,
      service: 'svc{',
      team: 't{{',
      labels: { env: hostile },
      sli: {
        ...base.sli,
        source: {
          kind: 'prometheusRatio',
          metric: 'http_requests_total',
          matchers: [{ name: 'job', op: '=', value: hostile }],
          eventMatchers: [{ name: 'code', op: '=~', value: '5..' }],
          groupBy: ['route'],
        },
      },
    };
    const group = groupOf(slo);
    const [page] = group.rules;
    expect(queryExpr(page, 'total_long')).toBe(rawIncreases(slo, sourceOf(slo), '1h').total);
    expect(queryExpr(page, 'total_long')).toContain(`job="${escapeLabelValue(hostile)}"`);
    expect(queryExpr(page, 'total_long')).not.toContain('\n');
    const absent = group.rules[group.rules.length - 1];
    expect(queryExpr(absent, 'absent_now')).toBe(`absent(${sliQueries(sourceOf(slo).source, 'bad').total})`);

    const literal = (value: string) => value.replace(/\{\{ "\{" \}\}/g, '{');
    for (const rule of group.rules) {
      for (const value of [...Object.values(rule.labels), ...Object.values(rule.annotations)]) {
        // The only actions left are the rules' own: literal braces, $labels of group-by labels, $values of refIds.
        const actions = value
          .replace(/\{\{ "\{" \}\}/g, '')
          .replace(/\{\{ humanize \$values\.\w+\.Value \}\}/g, '')
          .replace(/\{\{ \$labels\.\w+ \}\}/g, '');
        expect(actions).not.toContain('{');
      }
      expect(literal(rule.labels.env)).toBe(hostile);
      expect(literal(rule.labels.nines_service)).toBe('svc{');
      expect(literal(rule.labels.team)).toBe('t{{');
      expect(literal(rule.annotations.summary).startsWith(`${slo.name}: `)).toBe(true);
    }
  });
});

interface WindowCounts {
  bad: number;
  total: number;
}

/**
 * Multiples of the error ratio at which a tier fires: uniform in 0…3 (fc.double crowds near 0, and
 * biased integers near their bounds), or within 5% of it, where an off-by-a-little rule differs.
 */
const scale = fc.oneof(
  fc.noBias(fc.integer({ min: 0, max: 3000 })).map((n) => n / 1000),
  fc.noBias(fc.integer({ min: 9500, max: 10_500 })).map((n) => n / 10_000)
);

/** Counts around the error ratio at which the tier fires (ratio × 0…3), few of them, and zero traffic. */
const windowCounts = (ratio: number): fc.Arbitrary<WindowCounts> =>
  fc.oneof(
    { arbitrary: fc.constant({ bad: 0, total: 0 }), weight: 1 },
    {
      arbitrary: fc
        .record({
          total: fc.oneof(fc.integer({ min: 1, max: 400 }), fc.noBias(fc.integer({ min: 10_000, max: 1_000_000 }))),
          scale,
        })
        .map(({ total, scale: times }) => ({ total, bad: Math.min(total, Math.round(total * ratio * times)) })),
      weight: 6,
    }
  );

/** Whether a burn rate sits so close to the factor that rounding, not the rules, decides. */
const onEdge = (burn: number, factor: number) => Math.abs(burn - factor) <= 1e-9 * factor;

const scenario = fc
  .record({
    target: fc.constantFrom(99, 99.5, 99.9, 99.95),
    minEvents: fc.constantFrom(0, 1, 250),
    tier: fc.nat({ max: 3 }),
  })
  .chain(({ target, minEvents, tier }) => {
    const base = ratioSlo();
    const slo = { ...base, objective: { ...base.objective, target }, alerting: { ...base.alerting, minEvents } };
    const rule = burnRules(groupOf(slo))[tier];
    const { factor } = tierOf(slo, rule);
    const ratio = factor * (1 - target / 100);
    return fc.record({ long: windowCounts(ratio), short: windowCounts(ratio) }).map((counts) => ({
      ...counts,
      rule,
      factor,
      budget: 1 - target / 100,
      minEvents,
    }));
  });

describe('sloGrafanaRules: the arithmetic of the expressions', () => {
  it('fires exactly when both burn rates exceed the factor and the long window has minEvents', () => {
    const outcomes = new Set<boolean>();
    fc.assert(
      fc.property(scenario, ({ long, short, rule, factor, budget, minEvents }) => {
        const burnLong = long.bad / long.total / budget;
        const burnShort = short.bad / short.total / budget;
        fc.pre(!onEdge(burnLong, factor) && !onEdge(burnShort, factor));
        const fires = evaluateRule(rule, {
          bad_long: long.bad,
          total_long: long.total,
          bad_short: short.bad,
          total_short: short.total,
        });
        expect(fires).toBe(burnLong > factor && burnShort > factor && long.total >= minEvents);
        outcomes.add(fires);
      }),
      { seed: SEED, numRuns: 200 }
    );
    // Both outcomes were drawn: the property is not vacuous.
    expect(outcomes).toEqual(new Set([true, false]));
  });

  it('never fires without traffic', () => {
    for (const rule of burnRules(groupOf(ratioSlo()))) {
      expect(evaluateRule(rule, { bad_long: 0, total_long: 0, bad_short: 0, total_short: 0 })).toBe(false);
      expect(evaluateRule(rule, { bad_long: 50, total_long: 50, bad_short: 0, total_short: 0 })).toBe(false);
      expect(evaluateRule(rule, { bad_long: 50, total_long: 50, bad_short: 5, total_short: 5 })).toBe(true);
    }
  });

  it('fires with exactly minEvents in the long window, not with one fewer', () => {
    const slo = ratioSlo();
    const [page] = burnRules(groupOf({ ...slo, alerting: { ...slo.alerting, minEvents: 250 } }));
    const burning = (total: number) => ({ bad_long: total, total_long: total, bad_short: 5, total_short: 5 });
    expect(evaluateRule(page, burning(250))).toBe(true);
    expect(evaluateRule(page, burning(249))).toBe(false);
  });

  it('sums the per-interval series of a raw good-event SLI, missing points as no events', () => {
    const interval = (ratio: number) =>
      fc
        .record({
          total: fc.noBias(fc.integer({ min: 0, max: 1000 })),
          scale,
          missing: fc.constantFrom('none', 'none', 'none', 'good', 'both'),
        })
        .map(({ total, scale: times, missing }) => {
          const good = total - Math.min(total, Math.round(total * ratio * times));
          return { good: missing === 'none' ? good : NaN, total: missing === 'both' ? NaN : total };
        });
    const raw = fc
      .record({ minEvents: fc.constantFrom(0, 500), tier: fc.nat({ max: 3 }) })
      .chain(({ minEvents, tier }) => {
        const slo = { ...rawSlo(), alerting: { ...rawSlo().alerting, minEvents } };
        const rule = burnRules(groupOf(slo))[tier];
        const { factor } = tierOf(slo, rule);
        const budget = 1 - slo.objective.target / 100;
        const series = fc.array(interval(factor * budget), { minLength: 0, maxLength: 12 });
        return fc
          .record({ long: series, short: series })
          .map((windows) => ({ ...windows, rule, factor, budget, minEvents }));
      });
    const outcomes = new Set<boolean>();
    const sum = (points: number[]) => points.filter((point) => !Number.isNaN(point)).reduce((a, b) => a + b, 0);
    fc.assert(
      fc.property(raw, ({ long, short, rule, factor, budget, minEvents }) => {
        const burn = (points: Array<{ good: number; total: number }>) => {
          const total = sum(points.map((point) => point.total));
          return { total, burn: (total - sum(points.map((point) => point.good))) / total / budget };
        };
        const [longBurn, shortBurn] = [burn(long), burn(short)];
        fc.pre(!onEdge(longBurn.burn, factor) && !onEdge(shortBurn.burn, factor));
        const fires = evaluateRule(rule, {
          good_long_series: long.map((point) => point.good),
          total_long_series: long.map((point) => point.total),
          good_short_series: short.map((point) => point.good),
          total_short_series: short.map((point) => point.total),
        });
        expect(fires).toBe(longBurn.burn > factor && shortBurn.burn > factor && longBurn.total >= minEvents);
        outcomes.add(fires);
      }),
      { seed: SEED + 1, numRuns: 200 }
    );
    expect(outcomes).toEqual(new Set([true, false]));
  });
});

describe('sloGrafanaRules: what it refuses', () => {
  it('refuses raw counters at sli.valueKind and gives raw SLIs no absent rule', () => {
    const slo = rawSlo();
    const result = sloGrafanaRules({ ...slo, sli: { ...slo.sli, valueKind: 'counter' } });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual(['sli.valueKind']);
    const group = groupOf(slo);
    expect(group.rules).toHaveLength(4);
    expect(group.rules.every((rule) => rule.labels.long_window !== undefined)).toBe(true);
    expect(group.rules[0].grafana_alert.data.map((query) => query.refId)).toEqual([
      'good_long_series',
      'total_long_series',
      'good_long',
      'total_long',
      'bad_long',
      'good_short_series',
      'total_short_series',
      'good_short',
      'total_short',
      'bad_short',
      'burn_long',
      'burn_short',
      'firing_now',
      'firing',
    ]);
    const source = slo.sli.source;
    expect(source.kind === 'raw' && group.rules[0].grafana_alert.data[0].model).toMatchObject(
      source.kind === 'raw' ? source.eventQuery : {}
    );
    expect(group.rules[0].grafana_alert.data[1].model).toMatchObject({
      expr: 'sum(count_over_time({app="search"} [$__interval]))',
      queryType: 'range',
    });
  });

  it('refuses a group-by label the rules set themselves, as the Prometheus rules do', () => {
    const slo = ratioSlo();
    const grouped: SloSpec = {
      ...slo,
      sli: {
        ...slo.sli,
        source: {
          kind: 'prometheusRatio',
          metric: 'm',
          matchers: [],
          eventMatchers: [],
          groupBy: ['route', 'severity'],
        },
      },
    };
    expect(sloGrafanaRules(grouped)).toEqual({
      ok: false,
      errors: [{ path: 'sli.source.groupBy[1]', message: 'must not be severity: the rules set this label themselves' }],
    });
  });
});

describe('sloGrafanaRules: the digest', () => {
  const digestOf = (slo: SloSpec, options: GrafanaRuleOptions = {}) => {
    const digests = new Set(groupOf(slo, options).rules.map(ruleDigest));
    expect(digests.size).toBe(1);
    const [digest] = digests;
    expect(digest).toMatch(/^[0-9a-f]{8}$/);
    return digest;
  };

  it('is the same for equal SLOs and across generations, whatever uids the stored rules got', () => {
    const first = groupOf(ratioSlo());
    const stored = first.rules.map((rule, index) => ({
      ...rule,
      grafana_alert: { ...rule.grafana_alert, uid: `stored-${index}` },
    }));
    const second = groupOf(ratioSlo());
    expect(second.rules.map(ruleDigest)).toEqual(stored.map(ruleDigest));
    expect(second).toEqual(first);
  });

  it('changes with the target, a tier, the name, a label and the SLO link', () => {
    const slo = ratioSlo();
    const [first, ...rest] = slo.alerting.tiers;
    const variants: SloSpec[] = [
      { ...slo, objective: { ...slo.objective, target: 99.5 } },
      { ...slo, alerting: { ...slo.alerting, tiers: [{ ...first, budgetShare: 3 }, ...rest] } },
      { ...slo, alerting: { ...slo.alerting, tiers: [{ ...first, enabled: false }, ...rest] } },
      { ...slo, alerting: { ...slo.alerting, minEvents: 10 } },
      { ...slo, name: 'Checkout' },
      { ...slo, labels: { ...slo.labels, env: 'staging' } },
    ];
    const digests = [digestOf(slo), ...variants.map((variant) => digestOf(variant))];
    digests.push(digestOf(slo, { grafanaUrl: 'https://grafana.example.com' }));
    expect(new Set(digests).size).toBe(digests.length);
  });

  it('keys every rule of a group apart, and a tier by severity and windows whatever its target', () => {
    for (const [, make] of ALL_SLOS) {
      const keys = groupOf(make()).rules.map(ruleKey);
      expect(new Set(keys).size).toBe(keys.length);
    }
    const slo = ratioSlo();
    expect(groupOf({ ...slo, objective: { ...slo.objective, target: 99 } }).rules.map(ruleKey)).toEqual(
      groupOf(slo).rules.map(ruleKey)
    );
  });
});

describe("sloGrafanaRules: Grafana's API description", () => {
  const DOCUMENT = 'grafana-api';
  // Grafana's API description lives in the shared/ folder beside the repository.
  const descriptionPath = path.resolve(__dirname, '..', '..', '..', 'shared', 'grafana', 'api-merged.json');

  const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

  /** Local `#/...` references, pointed into the document registered with ajv. */
  function rebase(value: unknown): unknown {
    if (Array.isArray(value)) {
      return value.map(rebase);
    }
    if (!isRecord(value)) {
      return value;
    }
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [
        key,
        key === '$ref' && typeof child === 'string' && child.startsWith('#/') ? `${DOCUMENT}${child}` : rebase(child),
      ])
    );
  }

  function postableRuleGroup() {
    const document: unknown = JSON.parse(fs.readFileSync(descriptionPath, 'utf8'));
    const definitions = isRecord(document) && isRecord(document.definitions) ? document.definitions : {};
    const group = definitions.PostableRuleGroupConfig;
    if (!isRecord(group) || !isRecord(group.properties)) {
      throw new Error('the API description has no PostableRuleGroupConfig');
    }
    // Erratum (as tests/host/server/errata.ts): Grafana reads the group interval as a Prometheus
    // duration string ("1m"); the description calls it int64 nanoseconds.
    group.properties = { ...group.properties, interval: { type: 'string' } };
    const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
    addFormats(ajv);
    // Swagger's numeric formats carry no constraint JSON Schema can check.
    for (const format of ['int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float', 'double']) {
      ajv.addFormat(format, true);
    }
    ajv.addSchema({ $id: DOCUMENT, definitions: rebase(definitions) });
    const schema: SchemaObject = { $ref: `${DOCUMENT}#/definitions/PostableRuleGroupConfig` };
    const validate = ajv.compile(schema);
    return (value: unknown) =>
      validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  }

  const problems = postableRuleGroup();

  it.each(ALL_SLOS)('%s: the group is a PostableRuleGroupConfig', (_, make) => {
    expect(problems(groupOf(make(), { grafanaUrl: 'https://grafana.example.com' }))).toEqual([]);
  });

  it('would notice a body Grafana does not take', () => {
    const group = groupOf(ratioSlo());
    const [rule] = group.rules;
    expect(problems({ ...group, interval: 60 })).not.toEqual([]);
    expect(
      problems({ ...group, rules: [{ ...rule, grafana_alert: { ...rule.grafana_alert, no_data_state: 'Ok' } }] })
    ).not.toEqual([]);
  });
});
