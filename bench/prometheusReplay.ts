/**
 * The Prometheus share of an overview load: the page's /api/ds/query bodies sent straight to
 * Prometheus' query_range, queries of one body one after another (as the test host runs them) and
 * `inFlight` bodies at once (as the page sends them). No host, no frames, no browser: what is left
 * of the load's network time is theirs.
 */
import { isRecord } from '../tests/host/server/json';

interface ReplayQuery {
  expr: string;
  start: number;
  end: number;
  step: number;
}

/** The Prometheus range queries of one ds/query body (from/to in epoch ms, step from intervalMs). */
export function replayQueries(body: string): ReplayQuery[] {
  const request: unknown = JSON.parse(body);
  if (!isRecord(request) || !Array.isArray(request.queries)) {
    return [];
  }
  const start = Number(request.from) / 1000;
  const end = Number(request.to) / 1000;
  return request.queries.filter(isRecord).flatMap((query) => {
    const expr = typeof query.expr === 'string' ? query.expr : '';
    const stepMs = typeof query.intervalMs === 'number' ? query.intervalMs : 3_600_000;
    // Prometheus aligns nothing; the host aligns the range to the step, so this does too.
    const step = stepMs / 1000;
    return expr === ''
      ? []
      : [{ expr, start: Math.floor(start / step) * step, end: Math.floor(end / step) * step, step }];
  });
}

/** Wall time (ms) and bytes of Prometheus answering every body's queries. */
export async function replayOnPrometheus(
  prometheusUrl: string,
  bodies: string[],
  inFlight: number
): Promise<{ ms: number; bytes: number }> {
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      for (const query of replayQueries(body)) {
        const params = new URLSearchParams({
          query: query.expr,
          start: String(query.start),
          end: String(query.end),
          step: String(query.step),
        });
        const response = await fetch(`${prometheusUrl}/api/v1/query_range`, { method: 'POST', body: params });
        // Read first: `bytes += await …` would add to a total read before the wait.
        const answer = await response.arrayBuffer();
        bytes += answer.byteLength;
      }
    }
  };
  const begin = performance.now();
  await Promise.all(Array.from({ length: Math.min(inFlight, bodies.length) }, worker));
  return { ms: performance.now() - begin, bytes };
}
