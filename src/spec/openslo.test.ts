/** @jest-environment node */
import fc from 'fast-check';
import { parse } from 'yaml';

import { sloSpec } from './arbitraries';
import { canonicalSlo } from './canonical';
import { openSloToSlo, sloToOpenSlo, slosToOpenSlo } from './openslo';
import { latencySlo, ratioSlo, rawSlo, thresholdSlo } from './testing';
import type { SloSpec } from './types';

describe('sloToOpenSlo and openSloToSlo', () => {
  it.each([
    ['ratio', ratioSlo()],
    ['latency', latencySlo()],
    ['raw', rawSlo()],
    ['threshold', thresholdSlo()],
  ])('read back the %s example exactly', (_, slo) => {
    expect(openSloToSlo(sloToOpenSlo(slo))).toEqual({ ok: true, slos: [slo], errors: [] });
  });

  it('round-trips every valid spec, up to the settings that do not change its meaning', () => {
    fc.assert(
      fc.property(sloSpec, (slo) => {
        expect(openSloToSlo(sloToOpenSlo(slo))).toEqual({ ok: true, slos: [canonicalSlo(slo)], errors: [] });
      }),
      { numRuns: 300 }
    );
  });

  it('round-trips several SLOs in one file', () => {
    fc.assert(
      fc.property(fc.array(sloSpec, { minLength: 1, maxLength: 3 }), (slos) => {
        expect(openSloToSlo(slosToOpenSlo(slos))).toEqual({ ok: true, slos: slos.map(canonicalSlo), errors: [] });
      }),
      { numRuns: 50 }
    );
  });
});

describe('sloToOpenSlo', () => {
  it('writes an OpenSLO v1 SLO with an inline ratio SLI, the target as a fraction and Nines details as annotations', () => {
    const document: unknown = parse(sloToOpenSlo(ratioSlo()));
    expect(document).toEqual({
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: {
        name: 'checkout-availability',
        displayName: 'Checkout availability',
        labels: { tier: '1', env: 'prod' },
        annotations: {
          'nines.dev/uid': 'checkout-availability',
          'nines.dev/folder-uid': 'slo-payments',
          'nines.dev/team': 'payments',
          'nines.dev/runbook-url': 'https://runbooks.example.com/checkout',
          'nines.dev/group-by': 'route',
          'nines.dev/alert-tiers': 'page 1h/5m 2%; page 6h/30m 5%; ticket 1d/2h 10%; ticket 3d/6h 10%',
        },
      },
      spec: {
        description: 'Checkout requests that do not fail with a server error.',
        service: 'checkout',
        indicator: {
          metadata: { name: 'checkout-availability-sli' },
          spec: {
            ratioMetric: {
              counter: true,
              bad: {
                metricSource: {
                  metricSourceRef: 'prometheus-main',
                  type: 'Prometheus',
                  spec: { query: 'http_requests_total{job="checkout",code=~"5.."}' },
                },
              },
              total: {
                metricSource: {
                  metricSourceRef: 'prometheus-main',
                  type: 'Prometheus',
                  spec: { query: 'http_requests_total{job="checkout"}' },
                },
              },
            },
          },
        },
        timeWindow: [{ duration: '30d', isRolling: true }],
        budgetingMethod: 'Occurrences',
        objectives: [{ target: 0.999 }],
      },
    });
  });

  it('writes calendar windows from a period start in the time zone, and time slices', () => {
    const slo: SloSpec = {
      ...latencySlo(),
      objective: {
        ...latencySlo().objective,
        window: 'calendar:quarter',
        budgetingMethod: 'Timeslices',
        timeSliceTarget: 0,
      },
    };
    const document: unknown = parse(sloToOpenSlo(slo));
    expect(document).toMatchObject({
      spec: {
        indicator: {
          spec: {
            ratioMetric: {
              good: {
                metricSource: { spec: { query: 'http_request_duration_seconds_bucket{job="checkout",le="0.5"}' } },
              },
              total: { metricSource: { spec: { query: 'http_request_duration_seconds_count{job="checkout"}' } } },
            },
          },
        },
        timeWindow: [
          {
            duration: '1Q',
            calendar: { startTime: '2024-01-01 00:00:00', timeZone: 'Europe/Berlin' },
            isRolling: false,
          },
        ],
        objectives: [{ target: 0.99, timeSliceTarget: 0.99, timeSliceWindow: '5m' }],
      },
    });
  });

  it("writes a threshold SLI as a thresholdMetric of its query, with the objective's op and value", () => {
    const document: unknown = parse(sloToOpenSlo(thresholdSlo()));
    expect(document).toMatchObject({
      spec: {
        indicator: {
          spec: {
            thresholdMetric: {
              metricSource: {
                metricSourceRef: 'prometheus-main',
                type: 'Prometheus',
                spec: {
                  query:
                    'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="checkout"}[5m])))',
                },
              },
            },
          },
        },
        budgetingMethod: 'Timeslices',
        objectives: [{ op: 'lte', value: 0.3, target: 0.99, timeSliceTarget: 0.99, timeSliceWindow: '5m' }],
      },
    });
  });

  it('writes the shorthand of a compound window and keeps the original in an annotation', () => {
    const slo = ratioSlo();
    slo.objective.window = '1d12h';
    const document: unknown = parse(sloToOpenSlo(slo));
    expect(document).toMatchObject({
      metadata: { annotations: { 'nines.dev/window': '1d12h' } },
      spec: { timeWindow: [{ duration: '36h', isRolling: true }] },
    });
  });
});

describe('openSloToSlo', () => {
  const datasource = { uid: 'prom', type: 'prometheus' };
  const minimal = (indicator: string, extra = '') => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: x
spec:
  service: s
  indicator:
    metadata: { name: i }
    spec:
${indicator}
  budgetingMethod: Occurrences
  objectives: [{ target: 0.99 }]
${extra}`;
  const goodTotal = `      ratioMetric:
        counter: true
        good: { metricSource: { type: Prometheus, spec: { query: 'up{a="1"}' } } }
        total: { metricSource: { type: Prometheus, spec: { query: up } } }`;

  it('reads a minimal SLO with the datasource chosen for the import and a default 30-day window', () => {
    const result = openSloToSlo(minimal(goodTotal), { datasource });
    expect(result.ok).toBe(true);
    expect(result.slos[0]).toMatchObject({
      uid: 'x',
      name: 'x',
      service: 's',
      sli: { datasource, eventKind: 'good', source: { kind: 'prometheusRatio', metric: 'up' } },
      objective: { target: 99, window: '30d', timeZone: 'UTC' },
    });
  });

  it('asks for a datasource when the file names none, without a document index in a file of one', () => {
    expect(openSloToSlo(minimal(goodTotal))).toEqual({
      ok: false,
      slos: [],
      errors: [
        {
          path: 'spec.indicator.spec.ratioMetric.good.metricSource.metricSourceRef',
          message: 'is required: the uid of the Grafana datasource to query (or choose a datasource when importing)',
        },
      ],
    });
  });

  it('refuses precomputed ratios and SLIs with both good and bad', () => {
    const raw = `      ratioMetric:
        rawType: success
        raw: { metricSource: { type: Prometheus, spec: { query: ratio } } }`;
    expect(openSloToSlo(minimal(raw), { datasource }).errors).toEqual([
      {
        path: 'spec.indicator.spec.ratioMetric.raw',
        message:
          'is not supported: a precomputed ratio has no event counts, which Nines needs for error budgets and burn rates; use good or bad, and total',
      },
    ]);
    const both = `${goodTotal}
        bad: { metricSource: { type: Prometheus, spec: { query: up } } }`;
    expect(openSloToSlo(minimal(both), { datasource }).errors).toEqual([
      { path: 'spec.indicator.spec.ratioMetric', message: 'must have either good or bad events, and total' },
    ]);
  });

  describe('threshold metrics', () => {
    const threshold = (metricSource: string, objective = 'op: gte, value: 0.995, target: 0.9') =>
      `apiVersion: openslo/v1
kind: SLO
metadata: { name: availability-probe }
spec:
  service: s
  indicator:
    metadata: { name: i }
    spec:
      thresholdMetric: { metricSource: ${metricSource} }
  budgetingMethod: Occurrences
  objectives: [{ ${objective} }]
`;
    const prometheus = "{ type: Prometheus, spec: { query: 'avg_over_time(probe_success[5m])' } }";

    it('reads a Prometheus query and the objective op and value into a threshold builder counting points', () => {
      const result = openSloToSlo(threshold(prometheus), { datasource });
      expect(result.errors).toEqual([]);
      expect(result.slos[0]?.sli).toEqual({
        datasource,
        eventKind: 'good',
        valueKind: 'increment',
        source: { kind: 'prometheusThreshold', query: 'avg_over_time(probe_success[5m])', op: 'gte', threshold: 0.995 },
      });
    });

    it('reads a threshold metric of a kind SLI object through indicatorRef', () => {
      const file = `apiVersion: openslo/v1
kind: SLI
metadata: { name: probe }
spec:
  thresholdMetric: { metricSource: { metricSourceRef: prom, type: Prometheus, spec: { query: probe_success } } }
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: probe-slo }
spec:
  service: s
  indicatorRef: probe
  budgetingMethod: Timeslices
  objectives: [{ op: gt, value: 0, target: 0.99, timeSliceWindow: 1m }]
`;
      const result = openSloToSlo(file);
      expect(result.errors).toEqual([]);
      expect(result.slos[0]?.sli.source).toEqual({
        kind: 'prometheusThreshold',
        query: 'probe_success',
        op: 'gt',
        threshold: 0,
      });
    });

    it('names the objective fields a threshold needs, and a query that is missing', () => {
      expect(openSloToSlo(threshold(prometheus, 'target: 0.9'), { datasource }).errors).toEqual([
        { path: 'spec.objectives[0].op', message: 'is required' },
        { path: 'spec.objectives[0].value', message: 'is required' },
      ]);
      expect(openSloToSlo(threshold(prometheus, 'op: below, value: fast, target: 0.9'), { datasource }).errors).toEqual(
        [
          { path: 'spec.objectives[0].op', message: 'must be one of lt, lte, gt, gte, got "below"' },
          { path: 'spec.objectives[0].value', message: 'must be a number, got "fast"' },
        ]
      );
      expect(openSloToSlo(threshold('{ type: Prometheus, spec: {} }'), { datasource }).errors).toEqual([
        { path: 'spec.indicator.spec.thresholdMetric.metricSource.spec.query', message: 'is required' },
      ]);
    });

    it('refuses threshold metrics of other sources, and an SLI with both metrics', () => {
      expect(openSloToSlo(threshold("{ type: Datadog, spec: { query: 'avg:x' } }"), { datasource }).errors).toEqual([
        {
          path: 'spec.indicator.spec.thresholdMetric.metricSource.type',
          message:
            'must be Prometheus: Nines reads a threshold metric as a PromQL query, evaluated at every query step',
        },
      ]);
      const both = threshold(prometheus).replace(
        '      thresholdMetric:',
        `${goodTotal.replace(/^ {6}/gm, '      ')}
      thresholdMetric:`
      );
      expect(openSloToSlo(both, { datasource }).errors).toEqual([
        { path: 'spec.indicator.spec', message: 'must have a ratioMetric or a thresholdMetric, not both' },
      ]);
    });
  });

  it('checks that a calendar window starts where Nines starts its periods', () => {
    const window = (duration: string, start: string) =>
      `  timeWindow: [{ duration: ${duration}, calendar: { startTime: '${start}', timeZone: UTC } }]`;
    const errorsOf = (duration: string, start: string) =>
      openSloToSlo(minimal(goodTotal, window(duration, start)), { datasource }).errors.map((error) => error.message);
    expect(errorsOf('1w', '2024-03-04 00:00:00')).toEqual([]);
    expect(errorsOf('1M', '2023-11-01')).toEqual([]);
    expect(errorsOf('1Q', '2024-07-01T00:00:00')).toEqual([]);
    expect(errorsOf('1w', '2024-03-05 00:00:00')).toEqual([
      'must start a calendar week: Nines starts weeks on Monday, months on the 1st and quarters in January, April, July and October, at 00:00, got 2024-03-05 00:00:00',
    ]);
    expect(errorsOf('1Q', '2024-02-01 00:00:00')).toHaveLength(1);
    expect(errorsOf('1M', '2024-02-01 06:00:00')).toHaveLength(1);
    expect(errorsOf('1M', 'next month')).toEqual([
      'must be a date and time like 2024-01-01 00:00:00, got "next month"',
    ]);
  });

  it('refuses a rolling window with a calendar', () => {
    const extra = '  timeWindow: [{ duration: 30d, isRolling: true, calendar: { timeZone: UTC } }]';
    expect(openSloToSlo(minimal(goodTotal, extra), { datasource }).errors).toEqual([
      {
        path: 'spec.timeWindow[0].isRolling',
        message: 'is true, but a calendar is given: a rolling window has no calendar',
      },
    ]);
  });

  it('keeps queries that are not plain selectors as raw queries of their datasource', () => {
    const loki = `      ratioMetric:
        counter: false
        good: { metricSource: { metricSourceRef: logs, type: loki, spec: { expr: 'count_over_time({a="b"}[1m])' } } }
        total: { metricSource: { metricSourceRef: logs, type: loki, spec: { expr: 'count_over_time({a=~".+"}[1m])' } } }`;
    const result = openSloToSlo(minimal(loki));
    expect(result.slos[0]?.sli).toEqual({
      datasource: { uid: 'logs', type: 'loki' },
      eventKind: 'good',
      valueKind: 'increment',
      source: {
        kind: 'raw',
        eventQuery: { expr: 'count_over_time({a="b"}[1m])' },
        totalQuery: { expr: 'count_over_time({a=~".+"}[1m])' },
      },
    });
  });

  it('names the query for problems inside a query builder', () => {
    const token = `      ratioMetric:
        counter: true
        good: { metricSource: { type: Prometheus, spec: { query: 'up{token="abc"}' } } }
        total: { metricSource: { type: Prometheus, spec: { query: up } } }`;
    expect(openSloToSlo(minimal(token), { datasource }).errors).toEqual([
      {
        path: 'spec.indicator.spec.ratioMetric.good.metricSource.spec.query',
        message:
          "sli.source.eventMatchers[0].name: looks like a secret (token=); secrets don't belong in SLO specs: keep credentials in the datasource's settings",
      },
    ]);
  });

  it('makes uids of names that are too long for Grafana', () => {
    const name = 'a-very-long-name-for-an-slo-that-grafana-cannot-use-as-uid';
    const result = openSloToSlo(minimal(goodTotal).replace('name: x', `name: ${name}`), { datasource });
    expect(result.slos[0]?.uid).toMatch(/^a-very-long-name-for-an-slo-tha-[0-9a-f]{8}$/);
  });

  it('reports YAML syntax errors and files without SLOs', () => {
    const broken = openSloToSlo('kind: SLO\nspec: [unclosed');
    expect(broken.ok).toBe(false);
    expect(broken.errors[0].message).toMatch(/^is not valid YAML: /);
    expect(openSloToSlo('apiVersion: openslo/v1\nkind: Service\nmetadata: { name: s }\n')).toEqual({
      ok: false,
      slos: [],
      errors: [{ path: '', message: 'has no SLO: OpenSLO v1 objects of kind SLO are what Nines imports' }],
    });
    expect(openSloToSlo('apiVersion: openslo/v1\nkind: Sloth\n').errors).toEqual([
      {
        path: 'kind',
        message:
          'must be one of SLO, SLI, DataSource, Service, AlertPolicy, AlertCondition, AlertNotificationTarget, got "Sloth"',
      },
    ]);
  });
});
