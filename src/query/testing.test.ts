import { FieldType } from '@grafana/data';

import { framesFromResponse, prometheusCounters } from './testing';

describe('framesFromResponse', () => {
  it('decodes each result’s frames with its refId, labels and entities', () => {
    const frames = framesFromResponse({
      results: {
        A: {
          status: 200,
          frames: [
            {
              schema: {
                meta: { type: 'timeseries-multi', typeVersion: [0, 1] },
                fields: [
                  { name: 'Time', type: 'time' },
                  { name: 'Value', type: 'number', labels: { service: 'cart' } },
                ],
              },
              data: {
                values: [
                  [1000, 2000],
                  [1, null],
                ],
                entities: [null, { NaN: [1] }],
              },
            },
          ],
        },
        B: { status: 200, frames: [] },
      },
    });
    expect(frames).toHaveLength(1);
    const [frame] = frames;
    expect(frame.refId).toBe('A');
    expect(frame.meta?.type).toBe('timeseries-multi');
    expect(frame.fields[0].type).toBe(FieldType.time);
    expect(frame.fields[1].labels).toEqual({ service: 'cart' });
    expect(frame.fields[1].values).toEqual([1, NaN]);
  });

  it('names the place of a shape it does not know', () => {
    expect(() =>
      framesFromResponse({ results: { A: { frames: [{ schema: { fields: [{ type: 'number' }] } }] } } })
    ).toThrow('results.A.frames[0].schema.fields[0].name: must be a string');
    expect(() => framesFromResponse({ data: [] })).toThrow('results: must be an object');
  });

  it('gives fresh frames on each call, so a test may change them', () => {
    const first = prometheusCounters.frames();
    first[0].fields[1].values[0] = -1;
    expect(prometheusCounters.frames()[0].fields[1].values[0]).toBe(879460);
  });
});
