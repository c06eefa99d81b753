/** @jest-environment node */
import { readFileSync } from 'fs';
import { join } from 'path';

import { slothToSlo } from './sloth';
import { slothSli } from './slothQueries';
import { validateSlo } from './validate';

const FIXTURES = join(__dirname, '../../tests/fixtures/sloth');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const datasource = { uid: 'prometheus-main', type: 'prometheus' };

const NOT_IMPORTED =
  'Nines names and labels its alerts itself: the alert name, labels and annotations were not imported';

/** A Sloth file of one SLO with these queries. */
const oneSlo = (errorQuery: string, totalQuery: string) => `version: prometheus/v1
service: search
slos:
  - name: requests
    objective: 99
    sli:
      events:
        error_query: '${errorQuery}'
        total_query: '${totalQuery}'
`;

describe('slothToSlo', () => {
  it('imports a typical Sloth file of two SLOs to the expected specs', () => {
    const expected: unknown = JSON.parse(fixture('checkout.expected.json'));
    const slos = Array.isArray(expected) ? expected.map((slo) => validateSlo(slo)) : [];
    expect(slos.map((slo) => slo.ok)).toEqual([true, true]);
    expect(slothToSlo(fixture('checkout.yaml'), { datasource })).toEqual({
      ok: true,
      slos: slos.map((slo) => (slo.ok ? slo.slo : undefined)),
      errors: [],
      notes: [
        { path: 'slos[0].alerting', message: NOT_IMPORTED },
        { path: 'slos[1].alerting', message: NOT_IMPORTED },
      ],
    });
  });

  it('lists every SLO it cannot import, and imports none of the file', () => {
    const result = slothToSlo(fixture('unsupported.yaml'), { datasource });
    expect(result.ok).toBe(false);
    expect(result.slos).toEqual([]);
    expect(result.errors).toEqual([
      {
        path: 'slos[0].sli.raw',
        message:
          'is not supported: an error ratio has no event counts, which Nines needs for error budgets and burn rates; write the error and total queries as sli.events',
      },
      {
        path: 'slos[1].sli.plugin',
        message:
          'is not supported: a Sloth SLI plugin makes its queries inside Sloth; write the error and total queries as sli.events',
      },
      { path: 'slos[2].alerting.page_alert.disable', message: 'must be true or false, got "yes"' },
      { path: 'slos[2].objective', message: 'must be a percentage between 0 and 100 (exclusive), e.g. 99.9, got 100' },
    ]);
  });

  it('needs the Prometheus datasource to query, once', () => {
    expect(slothToSlo(fixture('checkout.yaml')).errors).toEqual([
      {
        path: 'datasource',
        message: 'is required: choose the Prometheus datasource the SLOs query (Sloth files name none)',
      },
    ]);
    expect(slothToSlo(fixture('checkout.yaml'), { datasource: { uid: 'logs', type: 'loki' } }).errors).toEqual([
      { path: 'datasource.type', message: 'must be prometheus for a Prometheus query builder, got "loki"' },
    ]);
  });

  it('reads every document of a file and names the document of each problem', () => {
    const text = `${oneSlo('sum(rate(a{x="1"}[{{.window}}]))', 'sum(rate(a[{{.window}}]))')}---\nversion: prometheus/v2\nservice: other\nslos: []\n`;
    const result = slothToSlo(text, { datasource });
    expect(result.errors).toEqual([
      { path: 'version', message: 'must be prometheus/v1, got "prometheus/v2"', document: 1 },
    ]);
  });

  it('names the query that holds a problem of the converted SLI', () => {
    const result = slothToSlo(oneSlo('sum(rate(a{token="x"}[{{.window}}]))', 'sum(rate(a[{{.window}}]))'), {
      datasource,
    });
    expect(result.errors).toEqual([
      {
        path: 'slos[0].sli.events.error_query',
        message:
          "sli.source.eventMatchers[0].name: looks like a secret (token=); secrets don't belong in SLO specs: keep credentials in the datasource's settings",
      },
    ]);
  });

  it('notes queries it rewrote', () => {
    const result = slothToSlo(
      oneSlo('sum(rate(a{code=~"5.."}[{{.window}}])) or vector(0)', 'sum(rate(a[{{.window}}]))'),
      { datasource }
    );
    expect(result.ok).toBe(true);
    expect(result.notes).toEqual([
      {
        path: 'slos[0].sli.events',
        message:
          'imported as raw queries that count events per interval: rate( and irate( became increase( and {{.window}} became $__interval; check that they count the error and total events',
      },
    ]);
  });
});

describe('slothSli', () => {
  it('reads a ratio of one counter as bad events, with or without sum and with increase', () => {
    const ratio = {
      eventKind: 'bad',
      valueKind: 'counter',
      source: {
        kind: 'prometheusRatio',
        metric: 'req_total',
        matchers: [{ name: 'job', op: '=', value: 'api' }],
        eventMatchers: [{ name: 'code', op: '=~', value: '5..' }],
        groupBy: [],
      },
    };
    expect(
      slothSli(
        'sum(rate(req_total{code=~"5..", job="api"}[{{.window}}]))',
        'sum(rate(req_total{job="api"}[{{.window}}]))'
      )
    ).toEqual(ratio);
    expect(
      slothSli(
        'increase(req_total{job="api",code=~"5.."}[{{ .window }}])',
        ' rate( req_total{job="api"} [{{.window}}] ) '
      )
    ).toEqual(ratio);
  });

  it('reads two counters as raw counter queries', () => {
    expect(
      slothSli('sum(rate(errors_total{job="api"}[{{.window}}]))', 'sum(rate(requests_total{job="api"}[{{.window}}]))')
    ).toEqual({
      eventKind: 'bad',
      valueKind: 'counter',
      source: {
        kind: 'raw',
        eventQuery: { expr: 'errors_total{job="api"}' },
        totalQuery: { expr: 'requests_total{job="api"}' },
      },
    });
  });

  it('reads count minus bucket as a latency SLI of good events', () => {
    const sli = slothSli(
      '(sum(rate(rpc_seconds_count{a="1"}[{{.window}}])) - sum(rate(rpc_seconds_bucket{le="0.25",a="1"}[{{.window}}])))',
      'sum(rate(rpc_seconds_count{a="1"}[{{.window}}]))'
    );
    expect(sli).toEqual({
      eventKind: 'good',
      valueKind: 'counter',
      source: {
        kind: 'prometheusLatency',
        metric: 'rpc_seconds',
        matchers: [{ name: 'a', op: '=', value: '1' }],
        thresholdLe: '0.25',
      },
    });
  });

  it('rewrites other queries to count events per interval', () => {
    const sli = slothSli(
      'sum(irate(a{x="a-b"}[{{.window}}])) - sum(rate(b[{{.window}}]))',
      'sum(rate(c_count{le="1"}[{{.window}}]))'
    );
    expect(sli.valueKind).toBe('increment');
    expect(sli.source).toEqual({
      kind: 'raw',
      eventQuery: { expr: 'sum(increase(a{x="a-b"}[$__interval])) - sum(increase(b[$__interval]))' },
      totalQuery: { expr: 'sum(increase(c_count{le="1"}[$__interval]))' },
    });
  });
});
