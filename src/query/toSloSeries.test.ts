import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';

import { evaluateSlo } from '../engine';
import type { QueryMapping } from './mapping';
import { toSloSeries } from './toSloSeries';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-26T11:00:00Z');

const AUTOMATIC: QueryMapping = { eventKind: 'good', eventRefId: '', totalRefId: '', valueKind: 'increment' };

/** A wide frame of increments at minutes 1, 2, 3. */
function counts(refId: string, values: unknown[] = [1, 2, 3]): DataFrame {
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: [1, 2, 3].map((minute) => T0 + minute * MINUTE) },
      { name: 'Value', type: FieldType.number, values },
    ],
  });
}

function resolved(frames: DataFrame[], mapping: QueryMapping, refIds?: string[]) {
  const result = toSloSeries(frames, mapping, refIds);
  if (!result.ok) {
    throw new Error(result.message);
  }
  return { eventKind: result.eventKind, refIds: result.refIds };
}

describe('toSloSeries: choosing the queries', () => {
  it('takes good events from query "good" and the total from query "total"', () => {
    const frames = ['A', 'B', 'good', 'bad', 'total'].map((refId) => counts(refId));
    expect(resolved(frames, { ...AUTOMATIC, eventKind: 'bad' })).toEqual({
      eventKind: 'good',
      refIds: { event: 'good', total: 'total' },
    });
  });

  it('takes bad events from query "bad" when there is no query "good"', () => {
    const frames = ['A', 'bad', 'total'].map((refId) => counts(refId));
    expect(resolved(frames, AUTOMATIC)).toEqual({ eventKind: 'bad', refIds: { event: 'bad', total: 'total' } });
  });

  it('falls back to A for the events, counted as the mapping says, and B for the total', () => {
    const frames = ['A', 'B'].map((refId) => counts(refId));
    expect(resolved(frames, { ...AUTOMATIC, eventKind: 'bad' })).toEqual({
      eventKind: 'bad',
      refIds: { event: 'A', total: 'B' },
    });
  });

  it('uses explicit refIds with the mapping’s event kind, even over "good" and "total"', () => {
    const frames = ['good', 'total', 'errors', 'requests'].map((refId) => counts(refId));
    const mapping: QueryMapping = { ...AUTOMATIC, eventKind: 'bad', eventRefId: 'errors', totalRefId: 'requests' };
    expect(resolved(frames, mapping)).toEqual({ eventKind: 'bad', refIds: { event: 'errors', total: 'requests' } });
  });

  it('matches refIds case-sensitively, as Grafana does', () => {
    const frames = ['Good', 'Total', 'a', 'b'].map((refId) => counts(refId));
    const result = toSloSeries(frames, AUTOMATIC);
    expect(result).toMatchObject({ ok: false, problem: { kind: 'missingQuery', role: 'event', refId: '' } });
    expect(resolved(frames, { ...AUTOMATIC, eventRefId: 'Good', totalRefId: 'Total' }).refIds).toEqual({
      event: 'Good',
      total: 'Total',
    });
    expect(toSloSeries(frames, { ...AUTOMATIC, eventRefId: 'good', totalRefId: 'Total' })).toMatchObject({
      ok: false,
      problem: { kind: 'missingQuery', role: 'event', refId: 'good' },
    });
  });

  it('resolves queries that answered no frame from the targets’ refIds', () => {
    const result = toSloSeries([counts('B')], AUTOMATIC, ['A', 'B']);
    expect(result).toMatchObject({ ok: true, refIds: { event: 'A', total: 'B' }, input: { good: [] } });
  });

  it('ignores frames of other queries', () => {
    const result = toSloSeries([counts('A'), counts('B'), counts('C', [100, 100, 100])], AUTOMATIC);
    if (!result.ok) {
      throw new Error(result.message);
    }
    const evaluation = evaluateSlo({ ...result.input, objective: { target: 0.9, window: '1h' }, at: T0 + 3 * MINUTE });
    expect(evaluation.events).toEqual({ good: 6, bad: 0, total: 6 });
  });
});

describe('toSloSeries: events', () => {
  it('feeds a bad-events query to the engine as bad events', () => {
    const result = toSloSeries([counts('A', [1, 0, 2]), counts('B', [100, 100, 100])], {
      ...AUTOMATIC,
      eventKind: 'bad',
    });
    if (!result.ok) {
      throw new Error(result.message);
    }
    expect(result.input.good).toBeUndefined();
    const evaluation = evaluateSlo({ ...result.input, objective: { target: 0.99, window: '1h' }, at: T0 + 3 * MINUTE });
    expect(evaluation.events).toEqual({ good: 297, bad: 3, total: 300 });
    expect(evaluation.sli).toBeCloseTo(0.99, 12);
  });

  it('says empty, not an error, when both queries answered no samples', () => {
    const noFields = createDataFrame({ refId: 'B', fields: [] });
    expect(toSloSeries([noFields], AUTOMATIC, ['A', 'B'])).toMatchObject({ ok: true, empty: true });
    expect(toSloSeries([counts('A', [null, null, null]), counts('B', [])], AUTOMATIC)).toMatchObject({
      ok: true,
      empty: true,
    });
  });

  it('is not empty when one query has samples', () => {
    expect(toSloSeries([counts('B')], AUTOMATIC, ['A', 'B'])).toMatchObject({ ok: true, empty: false });
  });
});

describe('toSloSeries: problems', () => {
  it('reports no queries when there are neither frames nor refIds', () => {
    expect(toSloSeries([], AUTOMATIC)).toEqual({
      ok: false,
      problem: { kind: 'noQueries' },
      message: 'Queries: add an event query and a total query',
    });
    expect(toSloSeries([], AUTOMATIC, [])).toMatchObject({ ok: false, problem: { kind: 'noQueries' } });
  });

  it('names a chosen query that does not exist, and the queries that do', () => {
    expect(toSloSeries([counts('A'), counts('B')], { ...AUTOMATIC, totalRefId: 'C' })).toEqual({
      ok: false,
      problem: { kind: 'missingQuery', role: 'total', refId: 'C', available: ['A', 'B'] },
      message: 'Total query: no query with refId "C" (queries: A, B)',
    });
  });

  it('says which refIds automatic resolution looked for', () => {
    expect(toSloSeries([], AUTOMATIC, ['C', 'D'])).toEqual({
      ok: false,
      problem: { kind: 'missingQuery', role: 'event', refId: '', available: ['C', 'D'] },
      message: 'Event query: choose one; no query has refId "good", "bad" or "A" (queries: C, D)',
    });
    expect(toSloSeries([counts('C')], AUTOMATIC, ['A'])).toEqual({
      ok: false,
      problem: { kind: 'missingQuery', role: 'total', refId: '', available: ['A', 'C'] },
      message: 'Total query: choose one; no query has refId "total" or "B" (queries: A, C)',
    });
  });

  it('reports event and total resolving to one query', () => {
    expect(toSloSeries([counts('B')], { ...AUTOMATIC, eventRefId: 'B' })).toEqual({
      ok: false,
      problem: { kind: 'sameQuery', refId: 'B' },
      message: 'Event query, Total query: both use query "B"; the total needs a query of its own',
    });
  });

  it('reports a query whose answer has no time field', () => {
    const noTime = createDataFrame({
      refId: 'A',
      fields: [{ name: 'Value', type: FieldType.number, values: [1] }],
    });
    expect(toSloSeries([noTime, counts('B')], AUTOMATIC)).toEqual({
      ok: false,
      problem: { kind: 'noTimeField', refId: 'A' },
      message:
        'Event query: query "A" has no time field (a field of type time, or a number field named time, ts or timestamp)',
    });
  });

  it('reports a query whose answer has no number field', () => {
    const noValue = createDataFrame({
      refId: 'B',
      fields: [
        { name: 'Time', type: FieldType.time, values: [T0] },
        { name: 'status', type: FieldType.string, values: ['ok'] },
      ],
    });
    expect(toSloSeries([counts('A'), noValue], AUTOMATIC)).toEqual({
      ok: false,
      problem: { kind: 'noValueField', refId: 'B' },
      message: 'Total query: query "B" has no number field to count',
    });
  });
});
