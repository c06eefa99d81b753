/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';

import { evaluateAgainstPrometheus } from '../../src/cli/evaluateAgainst';
import type { FetchLike } from '../../src/cli/prometheusApi';
import { loadSloFile } from '../../src/cli/sloFiles';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const DATASOURCE = { datasource: { uid: 'prometheus', type: 'prometheus' } };

function sloOf(path: string) {
  const [slo] = loadSloFile(path, readFileSync(path, 'utf8'), DATASOURCE).slos;
  return slo;
}

type Counter = (time: number) => number;

/** A fake Prometheus: each query's series are counters given as functions of time, sampled at the step. */
function prometheusWith(seriesByQuery: Record<string, Array<[Record<string, string>, Counter]>>) {
  const asked: Array<{ query: string; start: number; end: number }> = [];
  const fetch: FetchLike = async (url) => {
    const params = new URL(url).searchParams;
    const query = params.get('query') ?? '';
    const start = Number(params.get('start')) * 1000;
    const end = Number(params.get('end')) * 1000;
    const step = Number(params.get('step')) * 1000;
    asked.push({ query, start, end });
    const result = (seriesByQuery[query] ?? []).map(([metric, counter]) => {
      const values: Array<[number, string]> = [];
      for (let time = start; time <= end; time += step) {
        values.push([time / 1000, String(counter(time))]);
      }
      return { metric, values };
    });
    return {
      ok: true,
      status: 200,
      statusText: 'OK',
      text: async () => JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }),
    };
  };
  return { fetch, asked };
}

describe('evaluateAgainstPrometheus', () => {
  it('reads a calendar month from its first day in the SLO time zone, less the longest tier window', async () => {
    const slo = sloOf('tests/fixtures/openslo/calendar-month.yaml');
    const at = Date.UTC(2025, 5, 10, 9, 0);
    const { fetch, asked } = prometheusWith({});
    const result = await evaluateAgainstPrometheus({ slo, at, step: MINUTE, prometheusUrl: 'http://p', fetch });
    if (!result.ok) {
      throw new Error(result.message);
    }
    // June 1st, 00:00 in Berlin (UTC+2), and 3 days before it for the 3d/6h tier's history.
    const monthStart = Date.UTC(2025, 4, 31, 22, 0);
    expect(result.evaluation.window.start).toBe(monthStart);
    expect(result.range).toEqual({ start: monthStart - 3 * DAY, end: at, step: MINUTE, chunks: 2 });
    expect(asked[0].start).toBe(monthStart - 3 * DAY);
    expect(asked[asked.length - 1].end).toBe(at);
  });

  it('sums series after finding each counter reset, across chunks', async () => {
    const slo = sloOf('tests/fixtures/openslo/inline-sli.yaml');
    const at = Date.UTC(2025, 5, 10, 9, 0);
    const restart = at - 5 * DAY + 17 * MINUTE;
    // 10 requests a minute on instance a, which restarts (its first sample after it counts one
    // minute again); 5 on b, of which 1 fails.
    const a: Counter = (time) => (time < restart ? 1e6 + (time / MINUTE) * 10 : ((time - restart) / MINUTE + 1) * 10);
    const b: Counter = (time) => 500 + (time / MINUTE) * 5;
    const bGood: Counter = (time) => 400 + (time / MINUTE) * 4;
    const { fetch } = prometheusWith({
      'http_requests_total{job="web",code!~"5.."}': [
        [{ instance: 'a', code: '200' }, a],
        [{ instance: 'b', code: '200' }, bGood],
      ],
      'http_requests_total{job="web"}': [
        [{ instance: 'a', code: '200' }, a],
        [{ instance: 'b', code: '200' }, bGood],
        [{ instance: 'b', code: '500' }, (time) => b(time) - bGood(time)],
      ],
    });
    const result = await evaluateAgainstPrometheus({
      slo,
      at,
      step: MINUTE,
      prometheusUrl: 'http://p',
      fetch,
      maxPointsPerSeries: 1000,
    });
    if (!result.ok) {
      throw new Error(result.message);
    }
    const minutes = 28 * 1440;
    expect(result.series).toEqual({ event: 2, total: 3 });
    expect(result.evaluation.events).toEqual({ good: minutes * 14, bad: minutes, total: minutes * 15 });
    expect(result.evaluation.dataProblems).toEqual([]);
  });
});
