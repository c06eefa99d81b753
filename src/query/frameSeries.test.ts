import { createDataFrame, DataFrameType, FieldType, type DataFrame, type Field } from '@grafana/data';

import { evaluateSlo } from '../engine';
import type { QueryMapping } from './mapping';
import { toSloSeries } from './toSloSeries';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-26T11:00:00Z');

const INCREMENTS: QueryMapping = { eventKind: 'good', eventRefId: '', totalRefId: '', valueKind: 'increment' };

function frame(refId: string, fields: Array<Partial<Field>>, type?: DataFrameType): DataFrame {
  return createDataFrame({ refId, meta: type === undefined ? undefined : { type }, fields });
}

function timeField(minutes: number[], name = 'Time'): Partial<Field> {
  return { name, type: FieldType.time, values: minutes.map((minute) => T0 + minute * MINUTE) };
}

function numberField(name: string, values: unknown[], labels?: Record<string, string>): Partial<Field> {
  return { name, type: FieldType.number, values, labels };
}

function stringField(name: string, values: Array<string | null>): Partial<Field> {
  return { name, type: FieldType.string, values };
}

/** The total series read from `frames` (query B, next to a trivial event query A), as plain arrays. */
function totalSeries(frames: DataFrame[], mapping = INCREMENTS): Array<{ minutes: number[]; values: number[] }> {
  const result = toSloSeries([frame('A', [timeField([0]), numberField('good', [1])]), ...frames], mapping);
  if (!result.ok) {
    throw new Error(result.message);
  }
  return result.input.total.map((series) => ({
    minutes: Array.from(series.times, (time) => (time - T0) / MINUTE),
    values: Array.from(series.values),
  }));
}

describe('toSloSeries: frame shapes', () => {
  it('reads each number field of a wide frame as a series on the shared time field', () => {
    const series = totalSeries([
      frame('B', [timeField([1, 2, 3]), numberField('checkout', [6, 7, 8]), numberField('cart', [1, 2, 3])]),
    ]);
    expect(series).toEqual([
      { minutes: [1, 2, 3], values: [6, 7, 8] },
      { minutes: [1, 2, 3], values: [1, 2, 3] },
    ]);
  });

  it('reads every frame of a multi-frame answer as its own series', () => {
    const series = totalSeries([
      frame('B', [timeField([1, 2]), numberField('Value', [5, 6], { service: 'cart' })], DataFrameType.TimeSeriesMulti),
      frame(
        'B',
        [timeField([2, 3]), numberField('Value', [7, 8], { service: 'checkout' })],
        DataFrameType.TimeSeriesMulti
      ),
    ]);
    expect(series).toEqual([
      { minutes: [1, 2], values: [5, 6] },
      { minutes: [2, 3], values: [7, 8] },
    ]);
  });

  it('splits the interleaved, unsorted rows of a long frame by the values of its string fields', () => {
    const series = totalSeries([
      frame('B', [
        timeField([2, 1, 1, 2, 1, 2]),
        stringField('service', ['cart', 'cart', 'checkout', 'checkout', 'cart', 'cart']),
        stringField('status', ['2xx', '2xx', '2xx', '2xx', '5xx', '5xx']),
        numberField('requests', [20, 10, 30, 40, 1, 2]),
      ]),
    ]);
    // One series per (service, status), in order of first appearance, each sorted by time.
    expect(series).toEqual([
      { minutes: [1, 2], values: [10, 20] },
      { minutes: [1, 2], values: [30, 40] },
      { minutes: [1, 2], values: [1, 2] },
    ]);
  });

  it('reads each number field of each series of a long frame as a series', () => {
    const series = totalSeries([
      frame('B', [
        timeField([1, 1, 2, 2]),
        stringField('service', ['cart', 'checkout', 'checkout', 'cart']),
        numberField('requests', [10, 30, 40, 20]),
        numberField('retries', [1, 3, 4, 2]),
      ]),
    ]);
    expect(series).toEqual([
      { minutes: [1, 2], values: [10, 20] },
      { minutes: [1, 2], values: [1, 2] },
      { minutes: [1, 2], values: [30, 40] },
      { minutes: [1, 2], values: [3, 4] },
    ]);
  });

  it('keeps rows whose label is null apart from the labelled ones', () => {
    const series = totalSeries([
      frame('B', [
        timeField([1, 1, 2]),
        stringField('service', ['cart', null, 'cart']),
        numberField('requests', [1, 2, 3]),
      ]),
    ]);
    expect(series).toEqual([
      { minutes: [1, 2], values: [1, 3] },
      { minutes: [1], values: [2] },
    ]);
  });

  it('does not split a wide or multi frame by string fields, which are remainder data there', () => {
    const series = totalSeries([
      frame(
        'B',
        [timeField([1, 2]), stringField('note', ['a', 'b']), numberField('requests', [1, 2])],
        DataFrameType.TimeSeriesWide
      ),
    ]);
    expect(series).toEqual([{ minutes: [1, 2], values: [1, 2] }]);
  });

  it('reads a numeric-multi answer with its time field (a Prometheus instant query) as one sample per series', () => {
    const series = totalSeries([
      frame('B', [timeField([60]), numberField('Value', [9000], { service: 'cart' })], DataFrameType.NumericMulti),
      frame('B', [timeField([60]), numberField('Value', [1000], { service: 'checkout' })], DataFrameType.NumericMulti),
    ]);
    expect(series).toEqual([
      { minutes: [60], values: [9000] },
      { minutes: [60], values: [1000] },
    ]);
  });

  it('reads a numeric-wide answer with a time field as one sample per field', () => {
    const series = totalSeries([
      frame(
        'B',
        [timeField([60]), numberField('cart', [9000]), numberField('checkout', [1000])],
        DataFrameType.NumericWide
      ),
    ]);
    expect(series).toEqual([
      { minutes: [60], values: [9000] },
      { minutes: [60], values: [1000] },
    ]);
  });

  it('reads a numeric-long answer with a time column like any long frame', () => {
    const series = totalSeries([
      frame(
        'B',
        [timeField([60, 60]), stringField('service', ['cart', 'checkout']), numberField('requests', [9000, 1000])],
        DataFrameType.NumericLong
      ),
    ]);
    expect(series).toEqual([
      { minutes: [60], values: [9000] },
      { minutes: [60], values: [1000] },
    ]);
  });
});

describe('toSloSeries: times', () => {
  it('uses the first field of type time and reads later ones as nothing', () => {
    const series = totalSeries([
      frame('B', [timeField([1, 2], 'end'), timeField([0, 1], 'start'), numberField('requests', [1, 2])]),
    ]);
    expect(series).toEqual([{ minutes: [1, 2], values: [1, 2] }]);
  });

  it.each(['time', 'Time', 'ts', 'timestamp'])('takes a number field named %s as epoch milliseconds', (name) => {
    const series = totalSeries([
      frame('B', [numberField(name, [T0 + MINUTE, T0 + 2 * MINUTE]), numberField('requests', [1, 2])]),
    ]);
    expect(series).toEqual([{ minutes: [1, 2], values: [1, 2] }]);
  });

  it('takes a number time column below 1e11 as epoch seconds', () => {
    const seconds = [T0 / 1000 + 60, T0 / 1000 + 120];
    const series = totalSeries([frame('B', [numberField('time', seconds), numberField('requests', [1, 2])])]);
    expect(series).toEqual([{ minutes: [1, 2], values: [1, 2] }]);
  });

  it('parses ISO strings left in a time field', () => {
    const series = totalSeries([
      frame('B', [
        { name: 'Time', type: FieldType.time, values: ['2026-11-26T11:01:00Z', '2026-11-26T11:02:00.000Z'] },
        numberField('requests', [1, 2]),
      ]),
    ]);
    expect(series).toEqual([{ minutes: [1, 2], values: [1, 2] }]);
  });

  it('sorts rows out of time order', () => {
    const series = totalSeries([frame('B', [timeField([3, 1, 2]), numberField('requests', [30, 10, 20])])]);
    expect(series).toEqual([{ minutes: [1, 2, 3], values: [10, 20, 30] }]);
  });

  it('keeps the last row of a series when rows repeat a timestamp', () => {
    const series = totalSeries([frame('B', [timeField([1, 2, 1, 3]), numberField('requests', [10, 20, 11, 30])])]);
    expect(series).toEqual([{ minutes: [1, 2, 3], values: [11, 20, 30] }]);
  });

  it('drops rows without a time', () => {
    const series = totalSeries([
      frame('B', [
        { name: 'Time', type: FieldType.time, values: [T0 + MINUTE, null, T0 + 3 * MINUTE] },
        numberField('requests', [1, 2, 3]),
      ]),
    ]);
    expect(series).toEqual([{ minutes: [1, 3], values: [1, 3] }]);
  });
});

describe('toSloSeries: values', () => {
  it('turns null, undefined, NaN and text into NaN, which the engine reads as gaps', () => {
    const series = totalSeries([
      frame('B', [timeField([1, 2, 3, 4, 5]), numberField('requests', [1, null, undefined, NaN, '5'])]),
    ]);
    expect(series).toEqual([{ minutes: [1, 2, 3, 4, 5], values: [1, NaN, NaN, NaN, NaN] }]);
  });

  it('gives counters with a null sample the same events as counters without it', () => {
    const times = timeField([0, 1, 2, 3]);
    const counters: QueryMapping = { ...INCREMENTS, valueKind: 'counter' };
    const result = toSloSeries(
      [
        frame('good', [times, numberField('Value', [100, null, 120, 130])]),
        frame('total', [times, numberField('Value', [200, 210, null, 240])]),
      ],
      counters
    );
    if (!result.ok) {
      throw new Error(result.message);
    }
    expect(result.input.total[0].kind).toBe('counter');
    const evaluation = evaluateSlo({ ...result.input, objective: { target: 0.9, window: '1h' }, at: T0 + 3 * MINUTE });
    expect(evaluation.events).toEqual({ good: 30, bad: 10, total: 40 });
  });

  it('keeps a counter that resets in one series of several apart, so that the engine sees the reset', () => {
    const counters: QueryMapping = { ...INCREMENTS, valueKind: 'counter' };
    const result = toSloSeries(
      [
        frame('good', [timeField([0, 1, 2]), numberField('a', [100, 110, 5]), numberField('b', [50, 60, 70])]),
        frame('total', [timeField([0, 1, 2]), numberField('a', [100, 110, 5]), numberField('b', [50, 60, 70])]),
      ],
      counters
    );
    if (!result.ok) {
      throw new Error(result.message);
    }
    expect(result.input.total).toHaveLength(2);
    const evaluation = evaluateSlo({ ...result.input, objective: { target: 0.9, window: '1h' }, at: T0 + 2 * MINUTE });
    // a: 10, then 5 after its reset; b: 10 + 10. A sum taken first (150, 170, 75) would lose the 5.
    expect(evaluation.events.total).toBe(35);
  });
});
