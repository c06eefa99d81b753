/**
 * Prometheus' HTTP API, as the CLI reads it: `/api/v1/query_range` of raw counter selectors, each
 * series kept apart (the engine sums them after finding each counter's resets). Answers are parsed
 * into typed values here; what goes wrong is a value that says whether Prometheus was reachable.
 */
import { errorCause, errorCode, errorMessage, errorName } from './errors';
import type { RangeChunk } from './rangePlan';

/** The part of `fetch` the CLI uses; tests pass a fake, the CLI the global one. */
export type FetchLike = (
  url: string,
  init: { signal: AbortSignal }
) => Promise<{ ok: boolean; status: number; statusText: string; text(): Promise<string> }>;

export interface RangeSeries {
  labels: Record<string, string>;
  times: number[];
  values: number[];
}

export type RangeAnswer =
  | { ok: true; series: RangeSeries[]; warnings: string[] }
  /**
   * `unreachable`: no answer from a Prometheus API (network, timeout, a server error, or a URL
   * that is not Prometheus); otherwise Prometheus rejected the query.
   */
  | { ok: false; unreachable: boolean; message: string };

export const REQUEST_TIMEOUT_MS = 120_000;

/** The cause of a failed fetch as Node reports it (ECONNREFUSED, ENOTFOUND), or its message. */
function networkReason(error: unknown): string {
  if (errorName(error) === 'TimeoutError') {
    return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  }
  const cause = errorCause(error);
  const code = errorCode(cause) || errorCode(error);
  if (code !== '') {
    return code;
  }
  return cause === undefined ? errorMessage(error) : errorMessage(cause);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLabels(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((item) => typeof item === 'string');
}

/** A matrix result, or null when the answer has another shape. */
function readMatrix(data: unknown): RangeSeries[] | null {
  if (!isRecord(data) || data.resultType !== 'matrix' || !Array.isArray(data.result)) {
    return null;
  }
  const series: RangeSeries[] = [];
  for (const item of data.result) {
    if (!isRecord(item) || !isLabels(item.metric) || !Array.isArray(item.values)) {
      return null;
    }
    const times: number[] = [];
    const values: number[] = [];
    for (const point of item.values) {
      if (!Array.isArray(point) || typeof point[0] !== 'number' || typeof point[1] !== 'string') {
        return null;
      }
      // Prometheus sends times in seconds with millisecond precision; rounding undoes the float.
      times.push(Math.round(point[0] * 1000));
      // "NaN" and "+Inf" become non-finite numbers: the engine reads them as missing samples.
      values.push(Number(point[1]));
    }
    series.push({ labels: item.metric, times, values });
  }
  return series;
}

function seconds(time: number): string {
  return String(time / 1000);
}

/** One range query over one chunk; see RangeAnswer. */
export async function queryRange(
  prometheusUrl: string,
  query: string,
  chunk: RangeChunk,
  step: number,
  fetchImpl: FetchLike
): Promise<RangeAnswer> {
  const params = new URLSearchParams({
    query,
    start: seconds(chunk.start),
    end: seconds(chunk.end),
    step: seconds(step),
  });
  const url = `${prometheusUrl}/api/v1/query_range?${params}`;
  const asked = `query_range of ${query}`;
  let status: number;
  let statusText: string;
  let text: string;
  try {
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    status = response.status;
    statusText = response.statusText;
    text = await response.text();
  } catch (error) {
    return {
      ok: false,
      unreachable: true,
      message: `cannot reach Prometheus at ${prometheusUrl}: ${networkReason(error)}`,
    };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const http = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  if (!isRecord(body) || (body.status !== 'success' && body.status !== 'error')) {
    const snippet = text.trim().replace(/\s+/g, ' ').slice(0, 200);
    return {
      ok: false,
      unreachable: true,
      message: `${prometheusUrl} does not answer as Prometheus' API (${http}) to ${asked}${snippet ? `: ${snippet}` : ''}`,
    };
  }
  if (body.status === 'error') {
    const reason = typeof body.error === 'string' ? body.error : 'no reason given';
    const kind = typeof body.errorType === 'string' ? `${body.errorType}, ` : '';
    return {
      ok: false,
      // A rejected query is the SLO's problem; a server error is Prometheus'.
      unreachable: status >= 500,
      message: `Prometheus at ${prometheusUrl} answered ${kind}${http} to ${asked}: ${reason}`,
    };
  }
  const series = readMatrix(body.data);
  if (series === null) {
    return {
      ok: false,
      unreachable: true,
      message: `${prometheusUrl} answered ${asked} with something other than a matrix of samples`,
    };
  }
  const warnings = Array.isArray(body.warnings) ? body.warnings.filter((item) => typeof item === 'string') : [];
  return { ok: true, series, warnings };
}

/** Collects the chunks' answers into one series per label set, in time order. */
export class SeriesCollector {
  private readonly byLabels = new Map<string, RangeSeries>();

  add(answer: readonly RangeSeries[]): void {
    for (const item of answer) {
      const key = JSON.stringify(Object.entries(item.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      const collected = this.byLabels.get(key);
      if (collected === undefined) {
        this.byLabels.set(key, { labels: item.labels, times: [...item.times], values: [...item.values] });
      } else {
        // A loop, not push(...): a chunk has up to 11,000 points, near engines' argument limits.
        for (let i = 0; i < item.times.length; i++) {
          collected.times.push(item.times[i]);
          collected.values.push(item.values[i]);
        }
      }
    }
  }

  get series(): RangeSeries[] {
    return [...this.byLabels.values()];
  }
}
