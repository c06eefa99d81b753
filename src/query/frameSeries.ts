import { DataFrameType, FieldType, getTimeField, type DataFrame, type Field } from '@grafana/data';

import type { SeriesInput } from '../engine';
import type { ValueKind } from './mapping';

export type FrameSeries =
  { ok: true; series: SeriesInput[]; samples: number } | { ok: false; problem: 'noTimeField' | 'noValueField' };

/** Number fields that hold the time when a frame has no field of type time (e.g. a SQL epoch column). */
const TIME_FIELD_NAMES = new Set(['time', 'ts', 'timestamp']);

/** Epoch seconds stay below 1e11 until the year 5138; epoch milliseconds passed 1e11 in 1973. */
const EPOCH_SECONDS_BELOW = 1e11;

/** Frame types whose string fields are remainder data rather than the dimensions of long rows. */
const WIDE_TYPES = new Set<string>([
  DataFrameType.TimeSeriesWide,
  DataFrameType.TimeSeriesMulti,
  // The deprecated name of timeseries-multi, which older datasources still send.
  'timeseries-many',
  DataFrameType.NumericWide,
  DataFrameType.NumericMulti,
]);

/**
 * The count series of one frame, one per series it holds, each sorted by time. Handles wide frames
 * (every number field is a series), the one-series frames of multi-frame answers, and long frames
 * (rows of several series interleaved; the values of the string fields name the series, and each
 * number field of each such series is a series). Values that are not finite numbers become NaN,
 * which the engine reads as gaps; rows without a valid time are dropped.
 */
export function frameToSeries(frame: DataFrame, kind: ValueKind): FrameSeries {
  const rowCount = frame.fields.reduce((longest, field) => Math.max(longest, field.values.length), 0);
  if (rowCount === 0) {
    // "No data": backends answer with a frame without fields, or with fields of unknown type.
    return { ok: true, series: [], samples: 0 };
  }
  const time = findTimeField(frame);
  if (time === undefined) {
    return { ok: false, problem: 'noTimeField' };
  }
  const valueFields = frame.fields.filter((field) => field.type === FieldType.number && field !== time.field);
  if (valueFields.length === 0) {
    return { ok: false, problem: 'noValueField' };
  }
  const labelFields = WIDE_TYPES.has(frame.meta?.type ?? '')
    ? []
    : frame.fields.filter((field) => field.type === FieldType.string);

  const times = readTimes(time.field, rowCount, time.epochSeconds);
  const series: SeriesInput[] = [];
  let samples = 0;
  for (const rows of groupRows(labelFields, rowCount)) {
    const ordered = orderByTime(rows, times);
    if (ordered.length === 0) {
      continue;
    }
    const seriesTimes = new Float64Array(ordered.length);
    for (let i = 0; i < ordered.length; i++) {
      seriesTimes[i] = times[ordered[i]];
    }
    for (const field of valueFields) {
      const source: ArrayLike<unknown> = field.values;
      const values = new Float64Array(ordered.length);
      for (let i = 0; i < ordered.length; i++) {
        const value = source[ordered[i]];
        if (typeof value === 'number' && value - value === 0) {
          values[i] = value;
          samples++;
        } else {
          values[i] = NaN;
        }
      }
      series.push({ times: seriesTimes, values, kind });
    }
  }
  return { ok: true, series, samples };
}

interface TimeFieldChoice {
  field: Field;
  epochSeconds: boolean;
}

/** The first field of type time; else a number field named time, ts or timestamp (any case). */
function findTimeField(frame: DataFrame): TimeFieldChoice | undefined {
  const { timeField } = getTimeField(frame);
  if (timeField) {
    return { field: timeField, epochSeconds: false };
  }
  const field = frame.fields.find(
    (candidate) => candidate.type === FieldType.number && TIME_FIELD_NAMES.has(candidate.name.toLowerCase())
  );
  if (field === undefined) {
    return undefined;
  }
  const values: ArrayLike<unknown> = field.values;
  let first: number | undefined;
  for (let i = 0; i < values.length && first === undefined; i++) {
    const value = values[i];
    if (typeof value === 'number' && Number.isFinite(value)) {
      first = value;
    }
  }
  // SQL users often select UNIX_TIMESTAMP(...) or extract(epoch ...), which count seconds.
  return { field, epochSeconds: first !== undefined && Math.abs(first) < EPOCH_SECONDS_BELOW };
}

/** Milliseconds since the epoch per row; NaN where the time is missing or unreadable. */
function readTimes(field: Field, rowCount: number, epochSeconds: boolean): Float64Array {
  const source: ArrayLike<unknown> = field.values;
  const scale = epochSeconds ? 1000 : 1;
  const times = new Float64Array(rowCount);
  for (let row = 0; row < rowCount; row++) {
    const value = source[row];
    // Some frontend datasources leave ISO strings in time fields.
    times[row] = typeof value === 'number' ? value * scale : typeof value === 'string' ? Date.parse(value) : NaN;
  }
  return times;
}

/**
 * The row numbers of each series, in their original order: all rows when there are no label fields,
 * else one list per distinct combination of label values, in order of first appearance.
 */
function groupRows(labelFields: Field[], rowCount: number): Int32Array[] {
  const groupOf = new Int32Array(rowCount);
  const codes = new Int32Array(rowCount);
  let groupCount = 1;
  for (const field of labelFields) {
    const source: ArrayLike<unknown> = field.values;
    const valueCodes = new Map<unknown, number>();
    let previous: unknown = undefined;
    let code = -1;
    for (let row = 0; row < rowCount; row++) {
      const value = source[row] ?? null;
      // Answers sorted by a label repeat its value row after row; that saves the lookup.
      if (value !== previous) {
        previous = value;
        code = valueCodes.get(value) ?? valueCodes.size;
        if (code === valueCodes.size) {
          valueCodes.set(value, code);
        }
      }
      codes[row] = code;
    }
    groupCount = refineGroups(groupOf, groupCount, codes, valueCodes.size);
  }

  const sizes = new Int32Array(groupCount);
  for (let row = 0; row < rowCount; row++) {
    sizes[groupOf[row]]++;
  }
  const groups = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(groupCount);
  for (let row = 0; row < rowCount; row++) {
    const group = groupOf[row];
    groups[group][filled[group]++] = row;
  }
  return groups;
}

/**
 * Splits each group by the code of one more label field, numbering the new groups in order of first
 * appearance; returns their count. The pair (code, group) is the key code × groupCount + group.
 */
function refineGroups(groupOf: Int32Array, groupCount: number, codes: Int32Array, codeCount: number): number {
  const keyCount = codeCount * groupCount;
  let next = 0;
  if (keyCount <= 4 * groupOf.length + 1024) {
    // A table indexed by key: several times faster than a Map for the usual few label values.
    const table = new Int32Array(keyCount).fill(-1);
    for (let row = 0; row < groupOf.length; row++) {
      const key = codes[row] * groupCount + groupOf[row];
      if (table[key] < 0) {
        table[key] = next++;
      }
      groupOf[row] = table[key];
    }
    return next;
  }
  // Both factors stay below the row count, so the key is an exact integer.
  const table = new Map<number, number>();
  for (let row = 0; row < groupOf.length; row++) {
    const key = codes[row] * groupCount + groupOf[row];
    let group = table.get(key);
    if (group === undefined) {
      group = next++;
      table.set(key, group);
    }
    groupOf[row] = group;
  }
  return next;
}

/**
 * The rows in ascending time, without rows lacking a time. Of rows that share a timestamp the
 * last one wins: a later row is the fresher answer for that time (overlapping chunks of a split
 * query repeat their boundary sample), and adding both would count its events twice.
 */
function orderByTime(rows: Int32Array, times: Float64Array): Int32Array {
  let previous = -Infinity;
  let ascending = true;
  for (let i = 0; i < rows.length && ascending; i++) {
    const time = times[rows[i]];
    // Also false for NaN, which sends a missing time down the slow path.
    ascending = time > previous && time !== Infinity;
    previous = time;
  }
  if (ascending) {
    return rows;
  }
  const timed = new Int32Array(rows.length);
  let timedCount = 0;
  for (let i = 0; i < rows.length; i++) {
    if (Number.isFinite(times[rows[i]])) {
      timed[timedCount++] = rows[i];
    }
  }
  const sorted = sortByTime(timed.subarray(0, timedCount), times);

  let kept = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i + 1 < sorted.length && times[sorted[i + 1]] === times[sorted[i]]) {
      continue;
    }
    sorted[kept++] = sorted[i];
  }
  return sorted.subarray(0, kept);
}

/** Rows (ascending) sorted by time, rows of equal time kept in their order. */
function sortByTime(rows: Int32Array, times: Float64Array): Int32Array {
  const n = rows.length;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const time = times[rows[i]];
    min = Math.min(min, time);
    max = Math.max(max, time);
    whole &&= Number.isInteger(time);
  }
  if (!whole || (max - min + 1) * n > Number.MAX_SAFE_INTEGER) {
    return rows.sort((a, b) => times[a] - times[b] || a - b);
  }
  // One native numeric sort instead of a comparator call per comparison (ten times faster): the
  // key (time - min) × n + position is an exact integer that orders by time, then by position.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = (times[rows[i]] - min) * n + i;
  }
  keys.sort();
  const sorted = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    sorted[i] = rows[keys[i] % n];
  }
  return sorted;
}
