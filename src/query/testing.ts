/**
 * Test fixtures: answers of Grafana's `/api/ds/query` as they arrive on the wire, kept in
 * tests/fixtures/frames/ (JSON under src/ would ship in dist/), and the loader that turns them into
 * DataFrames. For tests only: it reads files with Node's fs. It lives under src/ because tsc checks
 * src/ alone and rejects imports from outside it.
 */
import fs from 'fs';
import path from 'path';

import {
  dataFrameFromJSON,
  DataFrameType,
  FieldType,
  type DataFrame,
  type DataFrameJSON,
  type FieldConfig,
  type FieldSchema,
  type FieldValueEntityLookup,
  type Labels,
  type QueryResultMeta,
} from '@grafana/data';

import type { Objective } from '../engine';
import type { QueryMapping } from './mapping';

const FIXTURES_DIR = path.resolve(__dirname, '../../tests/fixtures/frames');

export interface FramesFixture {
  /** The answer file in tests/fixtures/frames/. */
  file: string;
  /** The refIds of the panel's targets, in order. */
  refIds: string[];
  mapping: QueryMapping;
  /** The answer's frames, decoded anew on each call so that a test may change them. */
  frames: () => DataFrame[];
}

/**
 * The traffic every fixture below encodes: services checkout and cart, ten minutes ending at
 * 2026-11-26T12:00:00Z, 10,000 requests of which 10 failed (5xx) and 11 were client errors (4xx,
 * good events). Per minute (11:51 … 12:00):
 *
 *     checkout total  590 610 600 605 595 600 600 598 602 600   (6000)
 *     cart total      410 390 400 400 400 395 405 400 400 400   (4000)
 *     checkout 5xx      0   0   0   2   3   0   0   0   0   0   (5)
 *     cart 5xx          0   0   0   0   0   0   4   1   0   0   (5)
 *     checkout 4xx      2   0   1   0   0   0   3   0   0   1   (7)
 *     cart 4xx          0   1   0   0   2   0   0   0   1   0   (4)
 *
 * Against a 99.5% objective: good 9990, bad 10, total 10000, SLI 0.999, budget allowed 50,
 * consumed 0.2, remaining 0.8.
 */
export const TRAFFIC = {
  at: Date.parse('2026-11-26T12:00:00Z'),
  objective: { target: 0.995, window: '1h' } satisfies Objective,
};

/**
 * Prometheus range query (step 1m) of raw counters, one frame per series (`timeseries-multi`,
 * labels on the value field): refId `good` is `sum by (service) (http_requests_total{code!~"5.."})`,
 * `total` the same without the filter. Counters start at 11:50; cart restarts before 11:56 (its
 * counters start again from the minute's count); checkout misses the 11:55 scrape (no sample).
 */
export const prometheusCounters = fixture('prometheus-counters.json', ['good', 'total'], {
  eventKind: 'good',
  eventRefId: '',
  totalRefId: '',
  valueKind: 'counter',
});

/**
 * Loki metric queries `sum by (level) (count_over_time(...[1m]))`, one frame per level: A counts
 * the lines of level error (the 5xx), B all lines (error, warn = the 4xx, info = the rest). Steps
 * without lines have no sample, as Loki answers. Resolved automatically as A and B, bad events.
 */
export const lokiCountOverTime = fixture('loki-count-over-time.json', ['A', 'B'], {
  eventKind: 'bad',
  eventRefId: '',
  totalRefId: '',
  valueKind: 'increment',
});

/**
 * PostgreSQL, format Table: one long frame per query with columns time, service, status ('2xx',
 * '4xx', '5xx') and requests, one row per minute, service and status that had requests, rows in
 * no particular order. Query C counts statuses other than 5xx, D all. SQL time grouping labels a
 * bucket by its start, so each count sits one minute earlier than in the other fixtures (11:50 …
 * 11:59); the window holds all of them either way. Mapped explicitly (event C, good; total D).
 */
export const sqlLong = fixture('sql-long.json', ['C', 'D'], {
  eventKind: 'good',
  eventRefId: 'C',
  totalRefId: 'D',
  valueKind: 'increment',
});

/**
 * TestData "CSV Content" queries `bad` and `total`, each `time,checkout,cart` parsed into a wide
 * frame (the time column becomes a time field). The bad CSV has an empty cell (cart, 11:52), which
 * parses to null. The refId `bad` makes the events bad although the mapping says good.
 */
export const testDataCsv = fixture('testdata-csv.json', ['bad', 'total'], {
  eventKind: 'good',
  eventRefId: '',
  totalRefId: '',
  valueKind: 'increment',
});

function fixture(file: string, refIds: string[], mapping: QueryMapping): FramesFixture {
  return {
    file,
    refIds,
    mapping,
    frames: () => framesFromResponse(JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, file), 'utf8'))),
  };
}

/**
 * The frames of an `/api/ds/query` answer (`{ results: { [refId]: { frames: [{ schema, data }] } } }`),
 * in the order of the results, each with its query's refId. Throws on a shape it does not know,
 * naming the place.
 */
export function framesFromResponse(json: unknown): DataFrame[] {
  const results = record(record(json, 'response').results, 'results');
  const frames: DataFrame[] = [];
  for (const [refId, result] of Object.entries(results)) {
    const at = `results.${refId}.frames`;
    list(record(result, `results.${refId}`).frames ?? [], at).forEach((frame, index) => {
      frames.push(dataFrameFromJSON(parseFrame(frame, `${at}[${index}]`, refId)));
    });
  }
  return frames;
}

function parseFrame(json: unknown, at: string, refId: string): DataFrameJSON {
  const frame = record(json, at);
  const schema = record(frame.schema, `${at}.schema`);
  const data = frame.data === undefined ? {} : record(frame.data, `${at}.data`);
  for (const key of ['bases', 'factors', 'enums', 'nanos']) {
    if (data[key] !== undefined) {
      throw new Error(`${at}.data.${key}: not supported by this loader`);
    }
  }
  return {
    schema: {
      refId: optionalString(schema.refId, `${at}.schema.refId`) ?? refId,
      name: optionalString(schema.name, `${at}.schema.name`),
      meta: schema.meta === undefined ? undefined : parseMeta(schema.meta, `${at}.schema.meta`),
      fields: list(schema.fields, `${at}.schema.fields`).map((field, index) =>
        parseField(field, `${at}.schema.fields[${index}]`)
      ),
    },
    data: {
      // Copied: dataFrameFromJSON decodes entities in place.
      values: list(data.values ?? [], `${at}.data.values`).map((column, index) => [
        ...list(column, `${at}.data.values[${index}]`),
      ]),
      entities: data.entities === undefined ? undefined : parseEntities(data.entities, `${at}.data.entities`),
    },
  };
}

/** Keeps what shapes frames (type, typeVersion) and executedQueryString; the rest is dropped. */
function parseMeta(json: unknown, at: string): QueryResultMeta {
  const meta = record(json, at);
  const type = Object.values(DataFrameType).find((known) => known === meta.type);
  if (meta.type !== undefined && type === undefined) {
    throw new Error(`${at}.type: unknown frame type ${JSON.stringify(meta.type)}`);
  }
  let typeVersion: [number, number] | undefined;
  if (meta.typeVersion !== undefined) {
    const [major, minor, ...rest] = list(meta.typeVersion, `${at}.typeVersion`);
    if (typeof major !== 'number' || typeof minor !== 'number' || rest.length > 0) {
      throw new Error(`${at}.typeVersion: must be [major, minor]`);
    }
    typeVersion = [major, minor];
  }
  return {
    type,
    typeVersion,
    executedQueryString: optionalString(meta.executedQueryString, `${at}.executedQueryString`),
  };
}

function parseField(json: unknown, at: string): FieldSchema {
  const field = record(json, at);
  if (typeof field.name !== 'string') {
    throw new Error(`${at}.name: must be a string`);
  }
  const type = Object.values(FieldType).find((known) => known === field.type);
  if (field.type !== undefined && type === undefined) {
    throw new Error(`${at}.type: unknown field type ${JSON.stringify(field.type)}`);
  }
  return {
    name: field.name,
    type,
    labels: field.labels === undefined ? undefined : parseLabels(field.labels, `${at}.labels`),
    config: field.config === undefined ? {} : parseConfig(field.config, `${at}.config`),
  };
}

function parseLabels(json: unknown, at: string): Labels {
  const labels: Labels = {};
  for (const [name, value] of Object.entries(record(json, at))) {
    if (typeof value !== 'string') {
      throw new Error(`${at}.${name}: must be a string`);
    }
    labels[name] = value;
  }
  return labels;
}

/** The parts of a field's config that datasources set and panels read. */
function parseConfig(json: unknown, at: string): FieldConfig {
  const config = record(json, at);
  const interval = config.interval;
  if (interval !== undefined && typeof interval !== 'number') {
    throw new Error(`${at}.interval: must be a number of milliseconds`);
  }
  return {
    displayNameFromDS: optionalString(config.displayNameFromDS, `${at}.displayNameFromDS`),
    interval,
  };
}

function parseEntities(json: unknown, at: string): Array<FieldValueEntityLookup | null> {
  return list(json, at).map((entry, index) => {
    if (entry === null) {
      return null;
    }
    const lookup: FieldValueEntityLookup = {};
    for (const [key, rows] of Object.entries(record(entry, `${at}[${index}]`))) {
      if (key !== 'NaN' && key !== 'Undef' && key !== 'Inf' && key !== 'NegInf') {
        throw new Error(`${at}[${index}].${key}: unknown entity`);
      }
      // Only the keys present: dataFrameFromJSON iterates every key it is given.
      lookup[key] = list(rows, `${at}[${index}].${key}`).map((row) => {
        if (typeof row !== 'number' || !Number.isInteger(row)) {
          throw new Error(`${at}[${index}].${key}: must be a list of row numbers`);
        }
        return row;
      });
    }
    return lookup;
  });
}

function list(json: unknown, at: string): unknown[] {
  if (!Array.isArray(json)) {
    throw new Error(`${at}: must be a list`);
  }
  return json;
}

function record(json: unknown, at: string): Record<string, unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error(`${at}: must be an object`);
  }
  return Object.fromEntries(Object.entries(json));
}

function optionalString(json: unknown, at: string): string | undefined {
  if (json === undefined || typeof json === 'string') {
    return json;
  }
  throw new Error(`${at}: must be a string`);
}
