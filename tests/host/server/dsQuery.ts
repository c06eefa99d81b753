/**
 * POST /api/ds/query for Prometheus data sources: the step, variables and range alignment of
 * Grafana's Prometheus backend, a call to the real Prometheus, and its answer as Grafana's data
 * frames, one per series (pkg/promlib/querydata, pkg/promlib/converter).
 */
import type { Datasource } from './datasources';
import { type ApiRoute, type ApiResponse, fail } from './routes';
import { type JsonObject, arrayAt, booleanAt, isRecord, numberAt, recordAt, stringAt, stringMapAt } from './json';
import { alignTime, goDuration, interpolateVariables, parseDuration, prometheusStep } from './promInterval';

interface PromQuery {
  refId: string;
  expr: string;
  stepMs: number;
  legendFormat: string;
  fromMs: number;
  toMs: number;
  instant: boolean;
  range: boolean;
  utcOffsetSec: number;
}

interface DataResponse {
  frames: JsonObject[];
  error?: string;
  status: number;
}

const PROMETHEUS_TIMEOUT_MS = 60_000;

/** Epoch milliseconds or Grafana's relative `now`, `now-30d`, `now+1h`. */
export function parseTime(text: string, now: number): number {
  if (/^\d+$/.test(text)) {
    return Number(text);
  }
  const relative = /^now(?:([-+])(\d+)([smhdwMy]))?$/.exec(text);
  if (!relative) {
    throw new Error(`cannot parse time "${text}"`);
  }
  const [, sign, amount, unit] = relative;
  return sign ? now + (sign === '-' ? -1 : 1) * parseDuration(`${amount}${unit}`) : now;
}

/** The series name Grafana shows, from the legend format or the labels (getName). */
function seriesName(labels: Record<string, string>, legendFormat: string, expr: string): string {
  const names = Object.keys(labels)
    .filter((name) => name !== '__name__')
    .sort();
  let legend =
    names.length === 0
      ? (labels.__name__ ?? '{}')
      : `${labels.__name__ ?? ''}{${names.map((name) => `${name}=${JSON.stringify(labels[name])}`).join(', ')}}`;
  if (legendFormat === '__auto') {
    legend = Object.keys(labels).length > 0 ? '' : legend;
  } else if (legendFormat !== '') {
    legend = legendFormat.replace(/\{\{\s*(.+?)\s*\}\}/g, (_whole, name: string) => labels[name] ?? '');
  }
  return legend === '{}' ? expr : legend;
}

function executedQueryString(query: PromQuery): string {
  return `Expr: ${query.expr}\nStep: ${goDuration(query.stepMs)}`;
}

/** NaN and ±Inf travel as null plus an `entities` index, as grafana-plugin-sdk-go encodes them. */
function encodeValues(values: number[]): { values: Array<number | null>; entities: JsonObject | null } {
  const special: Record<string, number[]> = { NaN: [], Inf: [], NegInf: [] };
  const encoded = values.map((value, index) => {
    if (Number.isFinite(value)) {
      return value;
    }
    special[Number.isNaN(value) ? 'NaN' : value > 0 ? 'Inf' : 'NegInf'].push(index);
    return null;
  });
  const used = Object.entries(special).filter(([, indexes]) => indexes.length > 0);
  return { values: encoded, entities: used.length > 0 ? Object.fromEntries(used) : null };
}

function seriesFrame(
  query: PromQuery,
  resultType: string,
  labels: Record<string, string>,
  samples: unknown[]
): JsonObject {
  const pairs = samples.filter(
    (sample): sample is [number, string] =>
      Array.isArray(sample) && typeof sample[0] === 'number' && typeof sample[1] === 'string'
  );
  // Go truncates float seconds to whole milliseconds (time.UnixMilli(int64(fv * 1000))).
  const times = pairs.map(([seconds]) => Math.trunc(seconds * 1000));
  const { values, entities } = encodeValues(
    pairs.map(([, value]) => Number(value.replace(/^\+?Inf$/, 'Infinity').replace(/^-Inf$/, '-Infinity')))
  );
  const name = seriesName(labels, query.legendFormat, query.expr);
  return {
    schema: {
      name,
      refId: query.refId,
      meta: { type: 'timeseries-multi', typeVersion: [0, 1], custom: { resultType } },
      fields: [
        { name: 'Time', type: 'time', typeInfo: { frame: 'time.Time' }, config: { interval: query.stepMs } },
        {
          name: 'Value',
          type: 'number',
          typeInfo: { frame: 'float64' },
          labels,
          config: name ? { displayNameFromDS: name } : {},
        },
      ],
    },
    data: { values: [times, values], ...(entities ? { entities: [null, entities] } : {}) },
  };
}

/** The frames of one Prometheus answer (ReadPrometheusStyleResult). */
function framesOf(query: PromQuery, answer: JsonObject): JsonObject[] {
  const data = recordAt(answer, 'data') ?? {};
  const resultType = stringAt(data, 'resultType') ?? '';
  const result = data.result;
  if (resultType === 'scalar' && Array.isArray(result)) {
    return [seriesFrame(query, resultType, {}, [result])];
  }
  return (Array.isArray(result) ? result : []).filter(isRecord).map((series) => {
    const samples = resultType === 'vector' ? [series.value] : (arrayAt(series, 'values') ?? []);
    return seriesFrame(query, resultType, stringMapAt(series, 'metric'), samples);
  });
}

async function callPrometheus(datasource: Datasource, query: PromQuery, instant: boolean): Promise<DataResponse> {
  const form = new URLSearchParams({ query: query.expr });
  if (instant) {
    // Instant queries evaluate at the unaligned end of the range (grafana/grafana#69641).
    form.set('time', String(query.toMs / 1000));
  } else {
    form.set('start', String(alignTime(query.fromMs, query.stepMs, query.utcOffsetSec) / 1000));
    form.set('end', String(alignTime(query.toMs, query.stepMs, query.utcOffsetSec) / 1000));
    form.set('step', String(query.stepMs / 1000));
  }
  let response: Response;
  try {
    response = await fetch(`${datasource.url}/api/v1/${instant ? 'query' : 'query_range'}`, {
      method: 'POST',
      body: form,
      signal: AbortSignal.timeout(PROMETHEUS_TIMEOUT_MS),
    });
  } catch (error) {
    return {
      frames: [],
      error: `Post "${datasource.url}": ${error instanceof Error ? error.message : String(error)}`,
      status: 502,
    };
  }
  const answer: unknown = await response.json().catch(() => ({}));
  const body = isRecord(answer) ? answer : {};
  if (stringAt(body, 'status') !== 'success') {
    return {
      frames: [],
      error: `${stringAt(body, 'errorType') ?? ''}: ${stringAt(body, 'error') ?? response.statusText}`,
      status: response.status,
    };
  }
  return { frames: framesOf(query, body), status: response.status };
}

function parseQuery(raw: JsonObject, datasource: Datasource, fromMs: number, toMs: number): PromQuery {
  const minStep = stringAt(raw, 'interval') ?? '';
  const scrapeInterval = stringAt(datasource.jsonData, 'timeInterval') ?? '';
  // The query service defaults an absent intervalMs to 1000 and maxDataPoints to 100.
  const intervalMs = numberAt(raw, 'intervalMs') ?? 1000;
  const stepMs = prometheusStep({
    fromMs,
    toMs,
    intervalMs,
    maxDataPoints: numberAt(raw, 'maxDataPoints') ?? 100,
    minStep,
    intervalFactor: numberAt(raw, 'intervalFactor') ?? 0,
    scrapeInterval,
  });
  const expr = interpolateVariables(stringAt(raw, 'expr') ?? '', {
    intervalMs,
    stepMs,
    minStep,
    scrapeInterval,
    rangeMs: toMs - fromMs,
  });
  const instant = booleanAt(raw, 'instant') ?? false;
  return {
    refId: stringAt(raw, 'refId') ?? 'A',
    expr,
    stepMs,
    legendFormat: stringAt(raw, 'legendFormat') ?? '',
    fromMs,
    toMs,
    instant,
    // Older dashboards set neither; Grafana runs those as range queries.
    range: (booleanAt(raw, 'range') ?? false) || !instant,
    utcOffsetSec: numberAt(raw, 'utcOffsetSec') ?? 0,
  };
}

async function runQuery(raw: JsonObject, datasource: Datasource, fromMs: number, toMs: number): Promise<DataResponse> {
  let query: PromQuery;
  try {
    query = parseQuery(raw, datasource, fromMs, toMs);
  } catch (error) {
    return { frames: [], error: error instanceof Error ? error.message : String(error), status: 400 };
  }
  const parts = [
    ...(query.instant ? [await callPrometheus(datasource, query, true)] : []),
    ...(query.range ? [await callPrometheus(datasource, query, false)] : []),
  ];
  const failed = parts.find((part) => part.error !== undefined);
  // Grafana attaches the executed query to the first frame, adding an empty frame if there is none.
  const frames = parts.flatMap((part) => part.frames);
  const first = frames[0] ?? {
    schema: { refId: query.refId, meta: { typeVersion: [0, 0] }, fields: [] },
    data: { values: [] },
  };
  const schema = recordAt(first, 'schema') ?? {};
  schema.meta = { ...recordAt(schema, 'meta'), executedQueryString: executedQueryString(query) };
  return {
    frames: [first, ...frames.slice(1)],
    status: failed?.status ?? 200,
    ...(failed ? { error: failed.error } : {}),
  };
}

export function dsQueryRoute(datasources: Datasource[]): ApiRoute {
  return {
    method: 'POST',
    specPath: '/ds/query',
    handle: async ({ body, now }): Promise<ApiResponse> => {
      const request = isRecord(body) ? body : {};
      let fromMs: number;
      let toMs: number;
      try {
        fromMs = parseTime(stringAt(request, 'from') ?? '', now);
        toMs = parseTime(stringAt(request, 'to') ?? '', now);
      } catch (error) {
        return fail(400, error instanceof Error ? error.message : 'bad request data');
      }
      const results: Record<string, DataResponse> = {};
      for (const raw of (arrayAt(request, 'queries') ?? []).filter(isRecord)) {
        const refId = stringAt(raw, 'refId') ?? 'A';
        const uid = stringAt(recordAt(raw, 'datasource') ?? {}, 'uid');
        const datasource = datasources.find((candidate) => candidate.uid === uid);
        if (!uid) {
          return fail(400, 'Query missing data source ID/UID');
        }
        if (!datasource) {
          return fail(400, 'data source not found');
        }
        results[refId] =
          datasource.type === 'prometheus'
            ? await runQuery(raw, datasource, fromMs, toMs)
            : { frames: [], error: `host: data sources of type ${datasource.type} are not supported`, status: 400 };
      }
      const failed = Object.values(results).find((result) => result.error !== undefined);
      // Grafana answers 400 when any query failed; the description makes a 400 carry `message`.
      return failed ? { status: 400, body: { message: failed.error, results } } : { status: 200, body: { results } };
    },
  };
}
