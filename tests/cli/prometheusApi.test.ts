/**
 * @jest-environment node
 */
import { queryRange, SeriesCollector, type FetchLike } from '../../src/cli/prometheusApi';

const URL_BASE = 'http://prometheus:9090';
const CHUNK = { start: 1_700_000_000_000, end: 1_700_000_120_000, points: 3 };
const QUERY = 'requests_total{job="api"}';

function answering(status: number, body: string, statusText = ''): { fetch: FetchLike; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    fetch: async (url) => {
      urls.push(url);
      return { ok: status < 300, status, statusText, text: async () => body };
    },
  };
}

describe('queryRange', () => {
  it('asks query_range for the chunk at the step, and keeps every series with its samples', async () => {
    const { fetch, urls } = answering(
      200,
      JSON.stringify({
        status: 'success',
        warnings: ['a warning'],
        data: {
          resultType: 'matrix',
          result: [
            {
              metric: { __name__: 'requests_total', instance: 'a' },
              values: [
                [1_700_000_000, '5'],
                [1_700_000_060.001, 'NaN'],
              ],
            },
            { metric: { __name__: 'requests_total', instance: 'b' }, values: [[1_700_000_120, '7']] },
          ],
        },
      })
    );
    const answer = await queryRange(URL_BASE, QUERY, CHUNK, 60_000, fetch);
    const params = new URL(urls[0]).searchParams;
    expect(urls[0].startsWith(`${URL_BASE}/api/v1/query_range?`)).toBe(true);
    expect(Object.fromEntries(params)).toEqual({ query: QUERY, start: '1700000000', end: '1700000120', step: '60' });
    expect(answer).toEqual({
      ok: true,
      warnings: ['a warning'],
      series: [
        {
          labels: { __name__: 'requests_total', instance: 'a' },
          times: [1_700_000_000_000, 1_700_000_060_001],
          values: [5, NaN],
        },
        { labels: { __name__: 'requests_total', instance: 'b' }, times: [1_700_000_120_000], values: [7] },
      ],
    });
  });

  it('names the query Prometheus rejects, as bad input', async () => {
    const { fetch } = answering(
      400,
      JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error: unexpected "}"' }),
      'Bad Request'
    );
    expect(await queryRange(URL_BASE, QUERY, CHUNK, 60_000, fetch)).toEqual({
      ok: false,
      unreachable: false,
      message: `Prometheus at ${URL_BASE} answered bad_data, HTTP 400 Bad Request to query_range of ${QUERY}: parse error: unexpected "}"`,
    });
  });

  it('counts server errors, other servers and broken answers as Prometheus being unavailable', async () => {
    const cases: Array<[number, string, string]> = [
      [
        503,
        JSON.stringify({ status: 'error', errorType: 'unavailable', error: 'not ready' }),
        `Prometheus at ${URL_BASE} answered unavailable, HTTP 503 to query_range of ${QUERY}: not ready`,
      ],
      [
        404,
        '<html>\n  <body>Not found</body>\n</html>',
        `${URL_BASE} does not answer as Prometheus' API (HTTP 404) to query_range of ${QUERY}: <html> <body>Not found</body> </html>`,
      ],
      [
        200,
        JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }),
        `${URL_BASE} answered query_range of ${QUERY} with something other than a matrix of samples`,
      ],
    ];
    for (const [status, body, message] of cases) {
      const { fetch } = answering(status, body);
      expect(await queryRange(URL_BASE, QUERY, CHUNK, 60_000, fetch)).toEqual({
        ok: false,
        unreachable: true,
        message,
      });
    }
  });

  it('says why a request got no answer', async () => {
    const refused: FetchLike = () =>
      Promise.reject(
        Object.assign(new TypeError('fetch failed'), {
          cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
        })
      );
    const timedOut: FetchLike = () => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError'));
    const other: FetchLike = () =>
      Promise.reject(new TypeError('fetch failed', { cause: new Error('certificate has expired') }));
    const reasons = await Promise.all(
      [refused, timedOut, other].map(async (fetch) => {
        const answer = await queryRange(URL_BASE, QUERY, CHUNK, 60_000, fetch);
        return answer.ok ? 'ok' : `${answer.unreachable} ${answer.message}`;
      })
    );
    expect(reasons).toEqual([
      `true cannot reach Prometheus at ${URL_BASE}: ECONNREFUSED`,
      `true cannot reach Prometheus at ${URL_BASE}: no answer within 120 s`,
      `true cannot reach Prometheus at ${URL_BASE}: certificate has expired`,
    ]);
  });
});

describe('SeriesCollector', () => {
  it('joins the chunks of each label set, whatever the order of its labels, and keeps label sets apart', () => {
    const collector = new SeriesCollector();
    collector.add([
      { labels: { code: '500', instance: 'a' }, times: [1, 2], values: [10, 11] },
      { labels: { code: '500', instance: 'b' }, times: [1], values: [3] },
    ]);
    collector.add([{ labels: { instance: 'a', code: '500' }, times: [3], values: [2] }]);
    expect(collector.series).toEqual([
      { labels: { code: '500', instance: 'a' }, times: [1, 2, 3], values: [10, 11, 2] },
      { labels: { code: '500', instance: 'b' }, times: [1], values: [3] },
    ]);
  });
});
