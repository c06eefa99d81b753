import { FieldType, toDataFrame, type DataFrame } from '@grafana/data';
import { latencySlo, ratioSlo, rawSlo, thresholdSlo } from '../spec/testing';
import type { SloSpec } from '../spec/types';
import {
  batchTargets,
  extendTiles,
  overviewBatches,
  splitBatch,
  tileKey,
  tileQueries,
  type OverviewTiles,
} from './overviewQueries';

const HOUR = 3_600_000;

function slo(uid: string, datasourceUid = 'prometheus-main', base: SloSpec = ratioSlo()): SloSpec {
  return { ...base, uid, sli: { ...base.sli, datasource: { uid: datasourceUid, type: 'prometheus' } } };
}

/** A frame of a query: `values` at hourly steps. */
function hourly(refId: string, values: number[]): DataFrame {
  return toDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: values.map((_, index) => (index + 1) * HOUR) },
      { name: 'Value', type: FieldType.number, values },
    ],
  });
}

describe('overviewBatches', () => {
  it('groups SLOs by datasource in chunks, keeping their order', () => {
    const slos = [slo('a'), slo('b', 'other'), slo('c'), slo('d'), slo('e', 'other')];
    const batches = overviewBatches(slos, 2);
    expect(batches.map((batch) => [batch.datasource.uid, batch.slos.map((entry) => entry.uid)])).toEqual([
      ['prometheus-main', ['a', 'c']],
      ['other', ['b', 'e']],
      ['prometheus-main', ['d']],
    ]);
  });

  it('keeps raw queries out of the batches of query builders, which a refresh extends', () => {
    const slos = [slo('a'), slo('r', 'prometheus-main', rawSlo()), slo('b')];
    expect(overviewBatches(slos).map((batch) => batch.slos.map((entry) => [entry.uid, entry.summed]))).toEqual([
      [
        ['a', true],
        ['b', true],
      ],
      [['r', false]],
    ]);
  });

  it("gives every SLO's targets refIds of their own, so one request carries them all", () => {
    const [batch] = overviewBatches([slo('a'), slo('b', 'prometheus-main', latencySlo())]);
    const refIds = batchTargets(batch).map((target) => target.refId);
    expect(new Set(refIds).size).toBe(refIds.length);
    expect(refIds).toEqual(
      batch.slos.flatMap(({ targets }, index) => targets.map((target) => `s${index}_${target.refId}`))
    );
  });
});

describe('tileQueries', () => {
  it("asks Prometheus for a builder SLI's hourly increases, summed, read as hourly event counts", () => {
    const ratio = tileQueries(slo('a'));
    expect(ratio.queries).toEqual({ eventKind: 'bad', eventRefId: 'bad', totalRefId: 'total', valueKind: 'increment' });
    const [bad, total] = ratio.targets;
    expect(bad).toMatchObject({ refId: 'bad', interval: '1h', range: true, instant: false });
    // Reset-aware increases per series, then the sum over all of them (not by the SLI's group-by
    // labels): one series per query.
    expect(bad.expr).toMatch(/^sum\(increase\(\w+\{.*code=~"5\.\.".*\}\[1h\]\)\)$/);
    expect(total.expr).toMatch(/^sum\(increase\(\w+\{[^}]*\}\[1h\]\)\)$/);
    expect(total.expr).not.toContain('code');

    const latency = tileQueries(slo('l', 'prometheus-main', latencySlo()));
    expect(latency.targets.map((target) => target.expr)).toEqual([
      expect.stringMatching(/^sum\(increase\(\w+_bucket\{.*le="[^"]+".*\}\[1h\]\)\)$/),
      expect.stringMatching(/^sum\(increase\(\w+_count\{.*\}\[1h\]\)\)$/),
    ]);
  });

  it("counts a threshold SLI's points of every minute of the hour, as its panel reads them", () => {
    const [event, total] = tileQueries(slo('t', 'prometheus-main', thresholdSlo())).targets;
    expect(event.expr).toMatch(/^sum\(sum_over_time\(\(sum\(.*bool.*\)\)\[1h:1m\]\)\)$/);
    expect(total.expr).toMatch(/^sum\(sum_over_time\(\(count\(.*\)\)\[1h:1m\]\)\)$/);
  });

  it('keeps raw queries and their value kind as the panel has them', () => {
    const spec = slo('r', 'prometheus-main', rawSlo());
    const tiles = tileQueries(spec);
    expect(tiles.targets.map((target) => target.refId)).toEqual([spec.sli.eventKind, 'total']);
    expect(tiles.queries.valueKind).toBe(spec.sli.valueKind);
    // A raw query may answer any number of series: a refresh asks for all of its range again.
    expect(tiles.summed).toBe(false);
    expect(tileQueries(slo('a')).summed).toBe(true);
  });

  it('keys the tiles by their queries, so a changed SLI is not extended', () => {
    const spec = slo('a');
    expect(tileKey(tileQueries(spec))).toBe(tileKey(tileQueries(slo('a'))));
    const changed = { ...spec, sli: { ...spec.sli, eventKind: 'good' as const } };
    expect(tileKey(tileQueries(changed))).not.toBe(tileKey(tileQueries(spec)));
  });
});

describe('extendTiles', () => {
  const increments = (hours: number[], value: (hour: number) => number) => [
    { times: hours.map((hour) => hour * HOUR), values: hours.map(value), kind: 'increment' as const },
  ];
  const tiles = (hours: number[], bad: (hour: number) => number): OverviewTiles => ({
    ok: true,
    uid: 'a',
    input: { bad: increments(hours, bad), total: increments(hours, () => 100) },
    empty: hours.length === 0,
  });
  const pairs = (entry: OverviewTiles, role: 'bad' | 'total') =>
    entry.ok
      ? Array.from(entry.input[role]?.[0]?.times ?? [], (time, i) => [time / HOUR, entry.input[role]?.[0].values[i]])
      : [];

  it("keeps the known hours before `since` and takes the refresh's answer from `since` on", () => {
    // The refresh asked again for hours 4 and 5, whose late samples changed them.
    const merged = extendTiles(
      tiles([1, 2, 3, 4, 5], () => 1),
      tiles([4, 5, 6, 7], (hour) => hour),
      4 * HOUR
    );
    expect(pairs(merged, 'bad')).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 4],
      [5, 5],
      [6, 6],
      [7, 7],
    ]);
    expect(pairs(merged, 'total').map(([hour]) => hour)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(merged).toMatchObject({ ok: true, uid: 'a', empty: false });
  });

  it('keeps the known hours when the last ones answered nothing, and is empty only without any', () => {
    expect(
      pairs(
        extendTiles(
          tiles([1, 2], () => 3),
          tiles([], () => 0),
          2 * HOUR
        ),
        'bad'
      )
    ).toEqual([[1, 3]]);
    expect(
      extendTiles(
        tiles([3], () => 3),
        tiles([], () => 0),
        2 * HOUR
      )
    ).toMatchObject({ ok: true, empty: true });
  });

  it("shows a failed refresh's error", () => {
    const failed: OverviewTiles = { ok: false, uid: 'a', message: 'bad gateway' };
    expect(
      extendTiles(
        tiles([1], () => 1),
        failed,
        HOUR
      )
    ).toBe(failed);
  });
});

describe('splitBatch', () => {
  const [batch] = overviewBatches([slo('a'), slo('b')]);
  const [eventRefId, totalRefId] = batch.slos[0].targets.map((target) => target.refId);

  it("hands each SLO its own frames, read with its panel's query mapping", () => {
    const frames = [
      hourly(`s0_${eventRefId}`, [0, 90, 180]),
      hourly(`s0_${totalRefId}`, [0, 100, 200]),
      hourly(`s1_${eventRefId}`, [5, 5]),
      hourly(`s1_${totalRefId}`, [7, 9]),
    ];
    const [a, b] = splitBatch(batch, frames);
    expect(a).toMatchObject({ ok: true, uid: 'a', empty: false });
    expect(b).toMatchObject({ ok: true, uid: 'b', empty: false });
    if (!a.ok || !b.ok) {
      throw new Error('both SLOs have data');
    }
    // Hourly increases: each value counts the hour that ends at its time.
    expect([a.input.total[0].kind, Array.from(a.input.total[0].values)]).toEqual(['increment', [0, 100, 200]]);
    expect([b.input.total[0].kind, Array.from(b.input.total[0].values)]).toEqual(['increment', [7, 9]]);
  });

  it("fails only the SLO whose query failed, and every SLO of the batch for the request's error", () => {
    const frames = [hourly(`s1_${eventRefId}`, [1]), hourly(`s1_${totalRefId}`, [2])];
    const [a, b] = splitBatch(batch, frames, [{ refId: `s0_${totalRefId}`, message: 'parse error' }]);
    expect(a).toEqual({ ok: false, uid: 'a', message: 'parse error' });
    expect(b.ok).toBe(true);

    const all = splitBatch(batch, [], [{ message: 'bad gateway' }]);
    expect(all).toEqual([
      { ok: false, uid: 'a', message: 'bad gateway' },
      { ok: false, uid: 'b', message: 'bad gateway' },
    ]);
  });

  it('says "no data" (empty) for an SLO whose queries answered no samples', () => {
    const [a] = splitBatch(batch, [hourly(`s0_${eventRefId}`, []), hourly(`s0_${totalRefId}`, [])]);
    expect(a).toMatchObject({ ok: true, empty: true });
  });

  it('reads raw queries with their own refIds', () => {
    const [raw] = overviewBatches([slo('r', 'prometheus-main', rawSlo())]);
    const refIds = raw.slos[0].targets.map((target) => target.refId);
    const frames = refIds.map((refId) => hourly(`s0_${refId}`, [1, 2]));
    expect(splitBatch(raw, frames)[0]).toMatchObject({ ok: true, uid: 'r', empty: false });
  });
});
