/**
 * @jest-environment node
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

import { type RunningPrometheus, startPrometheus } from '../../../scripts/traffic/prometheus';
import type { HostServer } from './index';
import { type Client, type Fixture, clientFor, makeFixture, startHost } from './testing';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// Three hours of data ending three hours ago, on whole hours: recent hours stay out of a backfill.
const T0 = Math.floor(Date.now() / HOUR) * HOUR - 6 * HOUR;
const SAMPLES = 181;

let fixture: Fixture;
let prometheus: RunningPrometheus;
let host: HostServer;
let viewer: Client;

/** Two counters, one sample a minute: code 200 grows by 60 a minute, code 500 by 1. */
function openMetrics(): string {
  const lines = ['# HELP nines_test_requests Requests.', '# TYPE nines_test_requests counter'];
  for (const [code, perMinute] of [
    ['200', 60],
    ['500', 1],
  ] as const) {
    for (let index = 0; index < SAMPLES; index++) {
      lines.push(
        `nines_test_requests_total{code="${code}",service="api"} ${index * perMinute} ${(T0 + index * MINUTE) / 1000}`
      );
    }
  }
  return `${lines.join('\n')}\n# EOF\n`;
}

beforeAll(async () => {
  fixture = makeFixture();
  const dataDir = path.join(fixture.root, 'data');
  const input = path.join(fixture.root, 'test.om');
  fs.writeFileSync(input, openMetrics());
  fs.mkdirSync(path.join(dataDir, 'prometheus'), { recursive: true });
  execFileSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', input, path.join(dataDir, 'prometheus')], {
    stdio: 'pipe',
  });
  prometheus = await startPrometheus({ dataDir, port: 0 });
  host = await startHost(fixture, { prometheusUrl: prometheus.url, now: () => T0 + 2 * HOUR });
  viewer = clientFor(host.url, 'viewer');
}, 60_000);

afterAll(async () => {
  await host?.close();
  await prometheus?.stop();
  fixture.remove();
});

const datasource = { uid: 'prometheus', type: 'prometheus' };

interface Frame {
  schema: {
    name: string;
    refId: string;
    meta: { executedQueryString?: string };
    fields: Array<{ name: string; labels?: Record<string, string>; config: Record<string, unknown> }>;
  };
  data: { values: [number[], Array<number | null>]; entities?: unknown[] };
}

interface QueryAnswer {
  status: number;
  results: Record<string, { frames: Frame[]; status: number; error?: string }>;
  message?: string;
}

async function query(queries: object[], from: string, to: string): Promise<QueryAnswer> {
  const answer = await viewer('POST', '/api/ds/query', {
    from,
    to,
    queries: queries.map((entry) => ({ datasource, ...entry })),
  });
  const body = answer.body as Omit<QueryAnswer, 'status'>;
  return { status: answer.status, ...body };
}

const minutes = (first: number, last: number) =>
  Array.from({ length: last - first + 1 }, (_, index) => T0 + (first + index) * MINUTE);

describe('POST /api/ds/query against a real Prometheus', () => {
  it('answers one frame per series, in the shape of Grafana’s Prometheus backend, with the exact values', async () => {
    const answer = await query(
      [{ refId: 'A', expr: 'nines_test_requests_total', range: true, intervalMs: MINUTE, maxDataPoints: 10 }],
      String(T0 + 10 * MINUTE),
      String(T0 + 20 * MINUTE)
    );

    const name = 'nines_test_requests_total{code="200", service="api"}';
    expect(answer.status).toBe(200);
    expect(answer.results.A.frames).toHaveLength(2);
    expect(answer.results.A.frames[0]).toEqual({
      schema: {
        name,
        refId: 'A',
        meta: {
          type: 'timeseries-multi',
          typeVersion: [0, 1],
          custom: { resultType: 'matrix' },
          executedQueryString: 'Expr: nines_test_requests_total\nStep: 1m0s',
        },
        fields: [
          { name: 'Time', type: 'time', typeInfo: { frame: 'time.Time' }, config: { interval: MINUTE } },
          {
            name: 'Value',
            type: 'number',
            typeInfo: { frame: 'float64' },
            labels: { __name__: 'nines_test_requests_total', code: '200', service: 'api' },
            config: { displayNameFromDS: name },
          },
        ],
      },
      data: { values: [minutes(10, 20), minutes(10, 20).map((_, index) => (10 + index) * 60)] },
    });
    expect(answer.results.A.frames[1].data.values[1]).toEqual(minutes(10, 20).map((_, index) => 10 + index));
  });

  it('names series from the legend format', async () => {
    const answer = await query(
      [
        {
          refId: 'A',
          expr: 'nines_test_requests_total',
          legendFormat: 'code {{code}}',
          intervalMs: MINUTE,
          maxDataPoints: 10,
        },
      ],
      String(T0 + 10 * MINUTE),
      String(T0 + 20 * MINUTE)
    );

    expect(answer.results.A.frames.map((frame) => frame.schema.fields[1].config)).toEqual([
      { displayNameFromDS: 'code 200' },
      { displayNameFromDS: 'code 500' },
    ]);
  });

  it('raises the step of a 30-day query to stay under 11,000 points, aligned to the step', async () => {
    const to = T0 + 3 * HOUR;
    const answer = await query(
      [{ refId: 'A', expr: 'nines_test_requests_total{code="200"}', intervalMs: MINUTE, maxDataPoints: 43_200 }],
      String(to - 30 * 24 * HOUR),
      String(to)
    );

    const [times] = answer.results.A.frames[0].data.values;
    expect(answer.results.A.frames[0].schema.meta.executedQueryString).toBe(
      'Expr: nines_test_requests_total{code="200"}\nStep: 5m0s'
    );
    expect(answer.results.A.frames[0].schema.fields[0].config).toEqual({ interval: 5 * MINUTE });
    // The data covers the last 3 hours of the range: 37 five-minute points.
    expect(times).toHaveLength(37);
    expect(times.every((time) => time % (5 * MINUTE) === 0)).toBe(true);
    expect(times.slice(1).map((time, index) => time - times[index])).toEqual(times.slice(1).map(() => 5 * MINUTE));
  });

  it("replaces Grafana's built-in variables before Prometheus sees the expression", async () => {
    const answer = await query(
      [
        { refId: 'interval', expr: 'vector($__interval_ms)', intervalMs: MINUTE, maxDataPoints: 10 },
        { refId: 'range', expr: 'vector($__range_s)', intervalMs: MINUTE, maxDataPoints: 10 },
        {
          refId: 'rate',
          expr: 'rate(nines_test_requests_total{code="200"}[$__rate_interval])',
          intervalMs: MINUTE,
          maxDataPoints: 10,
        },
      ],
      String(T0 + 10 * MINUTE),
      String(T0 + 20 * MINUTE)
    );

    expect(answer.results.interval.frames[0].data.values[1]).toEqual(Array(11).fill(60_000));
    expect(answer.results.range.frames[0].data.values[1]).toEqual(Array(11).fill(600));
    expect(answer.results.rate.frames[0].schema.meta.executedQueryString).toBe(
      'Expr: rate(nines_test_requests_total{code="200"}[4m0s])\nStep: 1m0s'
    );
    expect(answer.results.rate.frames[0].data.values[1]).toEqual(Array(11).fill(1));
  });

  it('sends NaN and infinities as null with their entities, as Grafana does', async () => {
    const answer = await query(
      [{ refId: 'A', expr: 'nines_test_requests_total{code="200"} / 0', intervalMs: MINUTE, maxDataPoints: 2 }],
      String(T0),
      String(T0 + 2 * MINUTE)
    );

    expect(answer.results.A.frames[0].data).toEqual({
      values: [minutes(0, 2), [null, null, null]],
      entities: [null, { NaN: [0], Inf: [1, 2] }],
    });
  });

  it('runs instant queries at the end of the range', async () => {
    const answer = await query(
      [
        {
          refId: 'A',
          expr: 'nines_test_requests_total{code="500"}',
          instant: true,
          range: false,
          intervalMs: MINUTE,
          maxDataPoints: 10,
        },
      ],
      String(T0),
      String(T0 + 30 * MINUTE)
    );

    expect(answer.results.A.frames[0].schema).toMatchObject({ meta: { custom: { resultType: 'vector' } } });
    expect(answer.results.A.frames[0].data.values).toEqual([[T0 + 30 * MINUTE], [30]]);
  });

  it('reads relative time ranges against the host clock', async () => {
    const answer = await query(
      [{ refId: 'A', expr: 'nines_test_requests_total{code="500"}', intervalMs: MINUTE, maxDataPoints: 4 }],
      'now-1h',
      'now'
    );

    const [times, values] = answer.results.A.frames[0].data.values;
    expect(answer.results.A.frames[0].schema.meta.executedQueryString).toBe(
      'Expr: nines_test_requests_total{code="500"}\nStep: 15m0s'
    );
    expect([times, values]).toEqual([
      [T0 + HOUR, T0 + 75 * MINUTE, T0 + 90 * MINUTE, T0 + 105 * MINUTE, T0 + 2 * HOUR],
      [60, 75, 90, 105, 120],
    ]);
  });

  it("passes Prometheus errors on per query, with Grafana's status 400", async () => {
    const answer = await query(
      [{ refId: 'A', expr: 'sum(', intervalMs: MINUTE, maxDataPoints: 10 }],
      String(T0),
      String(T0 + 10 * MINUTE)
    );

    expect(answer.status).toBe(400);
    expect(answer.results.A).toEqual({
      status: 400,
      error: expect.stringMatching(/^bad_data: /),
      frames: [
        {
          schema: {
            refId: 'A',
            meta: { typeVersion: [0, 0], executedQueryString: 'Expr: sum(\nStep: 1m0s' },
            fields: [],
          },
          data: { values: [] },
        },
      ],
    });
    expect(answer.message).toBe(answer.results.A.error);
  });
});
