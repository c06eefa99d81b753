/**
 * @jest-environment node
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { generateTraffic, METRICS, TrafficSeries } from '../../scripts/traffic/generate';
import { formatLabels, openMetricsText, writeOpenMetrics } from '../../scripts/traffic/openmetrics';

const T0 = Date.UTC(2025, 0, 1, 0, 0);

function series(name: string, labels: Record<string, string>, values: number[], scraped: number[]): TrafficSeries {
  return {
    name,
    labels,
    service: labels.service,
    instance: labels.instance,
    values: Float64Array.from(values),
    increments: new Float64Array(values.length),
    scraped: Uint8Array.from(scraped),
  };
}

describe('OpenMetrics writer', () => {
  it('writes families, series in time order, seconds and # EOF', () => {
    const times = [T0, T0 + 60_000, T0 + 120_000];
    const labels = { service: 'a', instance: 'a-1:8080' };
    const text = openMetricsText({
      times,
      series: [
        series(METRICS.requests, { ...labels, code: '200' }, [5, 9, 2], [1, 0, 1]),
        series(METRICS.durationBucket, { ...labels, le: '+Inf' }, [5, 9, 2], [1, 1, 1]),
        series(METRICS.durationSum, labels, [0.5, 1.0009765625, 0.25], [1, 1, 1]),
      ],
    });
    const s = T0 / 1000;
    expect(text).toBe(
      [
        '# HELP nines_demo_http_requests HTTP requests served, by status code.',
        '# TYPE nines_demo_http_requests counter',
        `nines_demo_http_requests_total{service="a",instance="a-1:8080",code="200"} 5 ${s}`,
        `nines_demo_http_requests_total{service="a",instance="a-1:8080",code="200"} 2 ${s + 120}`,
        '# HELP nines_demo_http_request_duration_seconds HTTP request latency.',
        '# TYPE nines_demo_http_request_duration_seconds histogram',
        `nines_demo_http_request_duration_seconds_bucket{service="a",instance="a-1:8080",le="+Inf"} 5 ${s}`,
        `nines_demo_http_request_duration_seconds_bucket{service="a",instance="a-1:8080",le="+Inf"} 9 ${s + 60}`,
        `nines_demo_http_request_duration_seconds_bucket{service="a",instance="a-1:8080",le="+Inf"} 2 ${s + 120}`,
        `nines_demo_http_request_duration_seconds_sum{service="a",instance="a-1:8080"} 0.5 ${s}`,
        `nines_demo_http_request_duration_seconds_sum{service="a",instance="a-1:8080"} 1.0009765625 ${s + 60}`,
        `nines_demo_http_request_duration_seconds_sum{service="a",instance="a-1:8080"} 0.25 ${s + 120}`,
        '# EOF',
        '',
      ].join('\n')
    );
  });

  it('escapes label values and refuses sub-second times', () => {
    expect(formatLabels({ a: 'x"y\\z\nw' })).toBe('{a="x\\"y\\\\z\\nw"}');
    const bad = series(METRICS.requests, { service: 'a', instance: 'i', code: '200' }, [1], [1]);
    expect(() => openMetricsText({ times: [T0 + 500], series: [bad] })).toThrow(/whole second/);
  });

  it('writes a generated day in order, one family after the other, ending with # EOF', () => {
    const traffic = generateTraffic({ seed: 3, end: T0, days: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'nines-om-'));
    try {
      const path = join(dir, 'traffic.om');
      const stats = writeOpenMetrics(traffic, path);
      const text = readFileSync(path, 'utf8');
      expect(text).toBe(openMetricsText(traffic));
      expect(stats.bytes).toBe(Buffer.byteLength(text));
      expect(text.endsWith('\n# EOF\n')).toBe(true);
      const lines = text.trimEnd().split('\n');
      expect(lines.filter((line) => line.startsWith('# TYPE')).map((line) => line.split(' ')[2])).toEqual([
        'nines_demo_http_requests',
        'nines_demo_http_request_duration_seconds',
      ]);
      const lastTime = new Map<string, number>();
      let samples = 0;
      for (const line of lines.filter((item) => !item.startsWith('#'))) {
        const match = /^(\S+) (\S+) (\d+)$/.exec(line);
        if (!match) {
          throw new Error(`not a sample line: ${line}`);
        }
        const seconds = Number(match[3]);
        // Seconds, not milliseconds: promtool would silently put ms values far in the future.
        if (seconds * 1000 < traffic.index.start || seconds * 1000 > traffic.index.end) {
          throw new Error(`timestamp out of range: ${line}`);
        }
        if (seconds <= (lastTime.get(match[1]) ?? -Infinity)) {
          throw new Error(`out of order: ${line}`);
        }
        lastTime.set(match[1], seconds);
        samples++;
      }
      expect(samples).toBe(stats.samples);
      expect(lastTime.size).toBe(traffic.series.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
