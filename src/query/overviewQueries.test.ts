import { FieldType, toDataFrame, type DataFrame } from '@grafana/data';
import { latencySlo, ratioSlo, rawSlo } from '../spec/testing';
import type { SloSpec } from '../spec/types';
import { batchTargets, overviewBatches, splitBatch } from './overviewQueries';

const HOUR = 3_600_000;

function slo(uid: string, datasourceUid = 'prometheus-main', base: SloSpec = ratioSlo()): SloSpec {
  return { ...base, uid, sli: { ...base.sli, datasource: { uid: datasourceUid, type: 'prometheus' } } };
}

/** A counter frame of a query: `values` at hourly steps. */
function counter(refId: string, values: number[]): DataFrame {
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

  it("gives every SLO's targets refIds of their own, so one request carries them all", () => {
    const [batch] = overviewBatches([slo('a'), slo('b', 'prometheus-main', latencySlo())]);
    const refIds = batchTargets(batch).map((target) => target.refId);
    expect(new Set(refIds).size).toBe(refIds.length);
    expect(refIds).toEqual(
      batch.slos.flatMap(({ model }, index) => model.targets.map((target) => `s${index}_${target.refId}`))
    );
  });
});

describe('splitBatch', () => {
  const [batch] = overviewBatches([slo('a'), slo('b')]);
  const [eventRefId, totalRefId] = batch.slos[0].model.targets.map((target) => target.refId);

  it("hands each SLO its own frames, read with its panel's query mapping", () => {
    const frames = [
      counter(`s0_${eventRefId}`, [0, 90, 180]),
      counter(`s0_${totalRefId}`, [0, 100, 200]),
      counter(`s1_${eventRefId}`, [5, 5]),
      counter(`s1_${totalRefId}`, [7, 9]),
    ];
    const [a, b] = splitBatch(batch, frames);
    expect(a).toMatchObject({ ok: true, uid: 'a', empty: false });
    expect(b).toMatchObject({ ok: true, uid: 'b', empty: false });
    if (!a.ok || !b.ok) {
      throw new Error('both SLOs have data');
    }
    expect(Array.from(a.input.total[0].values)).toEqual([0, 100, 200]);
    expect(Array.from(b.input.total[0].values)).toEqual([7, 9]);
  });

  it("fails only the SLO whose query failed, and every SLO of the batch for the request's error", () => {
    const frames = [counter(`s1_${eventRefId}`, [1]), counter(`s1_${totalRefId}`, [2])];
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
    const [a] = splitBatch(batch, [counter(`s0_${eventRefId}`, []), counter(`s0_${totalRefId}`, [])]);
    expect(a).toMatchObject({ ok: true, empty: true });
  });

  it('reads raw queries with their own refIds', () => {
    const [raw] = overviewBatches([slo('r', 'prometheus-main', rawSlo())]);
    const refIds = raw.slos[0].model.targets.map((target) => target.refId);
    const frames = refIds.map((refId) => counter(`s0_${refId}`, [1, 2]));
    expect(splitBatch(raw, frames)[0]).toMatchObject({ ok: true, uid: 'r', empty: false });
  });
});
