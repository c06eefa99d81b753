/** fast-check arbitraries of valid SLO specs, for property tests (not shipped: tests import it). */
import fc from 'fast-check';

import type { BudgetingMethod } from '../engine';
import { secretIn } from './secrets';
import type {
  AlertTierOption,
  LabelMatcher,
  PrometheusLatencySource,
  PrometheusRatioSource,
  PrometheusThresholdSource,
  RawSource,
  Sli,
  SloAlerting,
  SloObjective,
  SloSpec,
} from './types';

const SECRET_WORD = /^(?:password|passwd|secret|token|api[-_]?key|access[-_]?key|authorization)$/i;

/** Any text (all of Unicode) that does not look like a secret. */
const text = (maxLength: number) =>
  fc.string({ unit: 'binary', maxLength }).filter((value) => secretIn(value) === null);
const nonBlank = (maxLength: number) => text(maxLength).filter((value) => value.trim() !== '');

export const grafanaUid = fc.stringMatching(/^[a-zA-Z0-9_-]{1,40}$/);
export const labelName = fc
  .stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,15}$/)
  .filter((name) => !name.startsWith('__') && !SECRET_WORD.test(name));
const metricName = fc.stringMatching(/^[a-zA-Z_:][a-zA-Z0-9_:]{0,30}$/);

export const labelMatcher: fc.Arbitrary<LabelMatcher> = fc.record({
  name: labelName,
  op: fc.constantFrom('=' as const, '!=' as const, '=~' as const, '!~' as const),
  value: text(20),
});

const ratioSource: fc.Arbitrary<PrometheusRatioSource> = fc.record({
  kind: fc.constant('prometheusRatio' as const),
  metric: metricName,
  matchers: fc.array(labelMatcher, { maxLength: 4 }),
  eventMatchers: fc.array(labelMatcher, { minLength: 1, maxLength: 3 }),
  groupBy: fc.uniqueArray(labelName, { maxLength: 3 }),
});

const latencySource: fc.Arbitrary<PrometheusLatencySource> = fc.record({
  kind: fc.constant('prometheusLatency' as const),
  metric: metricName.filter((name) => !/_(?:bucket|count|sum)$/.test(name)),
  matchers: fc.array(
    labelMatcher.filter((matcher) => matcher.name !== 'le'),
    { maxLength: 4 }
  ),
  thresholdLe: fc.oneof(
    fc.constantFrom('0.005', '0.1', '0.25', '0.5', '1', '2.5', '10', '+Inf', '1e-3'),
    fc.integer({ min: 1, max: 100_000 }).map((ms) => String(ms / 1000))
  ),
});

/** Any query text: the builder writes it inside parentheses and compares nothing inside it. */
const thresholdSource: fc.Arbitrary<PrometheusThresholdSource> = fc.record({
  kind: fc.constant('prometheusThreshold' as const),
  query: nonBlank(60),
  op: fc.constantFrom('lt' as const, 'lte' as const, 'gt' as const, 'gte' as const),
  // -0 would be written as 0: the same threshold, but not the same number for toEqual.
  threshold: fc
    .oneof(fc.integer({ min: -1000, max: 100_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
    .filter((value) => !Object.is(value, -0)),
});

/** A JSON value as query models hold them (integers only: YAML keeps them exactly). */
const queryValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text(30),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(labelName, tie('value'), { maxKeys: 3 })
  ),
})).value;

const queryKey = fc
  .string({ minLength: 1, maxLength: 12 })
  .filter(
    (key) =>
      key !== 'refId' && key !== 'datasource' && key !== 'expr' && !SECRET_WORD.test(key) && secretIn(key) === null
  );

const rawQuery = (type: string) =>
  fc
    .tuple(nonBlank(60), fc.dictionary(queryKey, queryValue, { maxKeys: 3 }))
    .map(([expr, rest]) => (type === 'prometheus' ? { ...rest, expr } : { ...rest, query: expr }));

const rawSli = fc.constantFrom('prometheus', 'loki', 'grafana-postgresql-datasource', 'elasticsearch').chain((type) =>
  fc.record({
    datasource: fc.record({ uid: grafanaUid, type: fc.constant(type) }),
    eventKind: fc.constantFrom('good' as const, 'bad' as const),
    valueKind: fc.constantFrom('counter' as const, 'increment' as const),
    source: fc.record<RawSource>({
      kind: fc.constant('raw' as const),
      eventQuery: rawQuery(type),
      totalQuery: rawQuery(type),
    }),
  })
);

export const sli: fc.Arbitrary<Sli> = fc.oneof(
  fc.record({
    datasource: fc.record({ uid: grafanaUid, type: fc.constant('prometheus') }),
    eventKind: fc.constantFrom('good' as const, 'bad' as const),
    valueKind: fc.constantFrom('counter' as const, 'increment' as const),
    source: ratioSource,
  }),
  fc.record({
    datasource: fc.record({ uid: grafanaUid, type: fc.constant('prometheus') }),
    eventKind: fc.constant('good' as const),
    valueKind: fc.constantFrom('counter' as const, 'increment' as const),
    source: latencySource,
  }),
  fc.record({
    datasource: fc.record({ uid: grafanaUid, type: fc.constant('prometheus') }),
    eventKind: fc.constant('good' as const),
    valueKind: fc.constant('increment' as const),
    source: thresholdSource,
  }),
  rawSli
);

/** Percentages with up to four decimals, as people write them (99.95). */
const percent = fc.integer({ min: 1, max: 999_999 }).map((n) => n / 10_000);

const window = fc.oneof(
  fc.integer({ min: 1, max: 400 }).map((days) => `${days}d`),
  fc.integer({ min: 1, max: 20 }).map((weeks) => `${weeks}w`),
  fc.integer({ min: 2, max: 72 }).map((hours) => `${hours}h`),
  fc.tuple(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 59 })).map(([h, m]) => `${h}h${m}m`),
  fc.constantFrom('calendar:week', 'calendar:month', 'calendar:quarter')
);

export const objective: fc.Arbitrary<SloObjective> = fc.record({
  target: percent,
  window,
  timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'),
  budgetingMethod: fc.constantFrom<BudgetingMethod>('Occurrences', 'Timeslices', 'RatioTimeslices'),
  timeSliceWindow: fc.constantFrom('1m', '5m', '10m', '1h', '90m', '1h30m'),
  timeSliceTarget: fc.oneof(fc.constant(0), percent),
});

const tierWindows = fc.constantFrom<[string, string]>(
  ['1h', '5m'],
  ['6h', '30m'],
  ['1d', '2h'],
  ['3d', '6h'],
  ['2h', '1h30m']
);

const tier: fc.Arbitrary<AlertTierOption> = fc
  .record({
    severity: fc.constantFrom('page' as const, 'ticket' as const),
    windows: tierWindows,
    budgetShare: fc.double({ min: 0.001, max: 100, noNaN: true }),
    enabled: fc.boolean(),
  })
  .map(({ severity, windows: [longWindow, shortWindow], budgetShare, enabled }) => ({
    severity,
    longWindow,
    shortWindow,
    budgetShare,
    enabled,
  }));

export const alerting: fc.Arbitrary<SloAlerting> = fc.record({
  tiers: fc.array(tier, { maxLength: 5 }),
  minEvents: fc.nat(),
});

export const sloSpec: fc.Arbitrary<SloSpec> = fc.record({
  uid: grafanaUid,
  name: nonBlank(40),
  description: text(200),
  service: nonBlank(30),
  team: text(20),
  labels: fc.dictionary(labelName, text(20), { maxKeys: 4 }),
  runbookUrl: fc.oneof(
    fc.constant(''),
    fc.webUrl().filter((url) => secretIn(url) === null)
  ),
  folderUid: fc.oneof(fc.constant(''), grafanaUid),
  sli,
  objective,
  alerting,
});
