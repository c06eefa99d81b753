import { evaluateSlo } from '../engine';
import { lokiCountOverTime, prometheusCounters, sqlLong, testDataCsv, TRAFFIC, type FramesFixture } from './testing';
import { toSloSeries } from './toSloSeries';

function evaluate(fixture: FramesFixture) {
  const result = toSloSeries(fixture.frames(), fixture.mapping, fixture.refIds);
  if (!result.ok) {
    throw new Error(result.message);
  }
  return { result, evaluation: evaluateSlo({ ...result.input, objective: TRAFFIC.objective, at: TRAFFIC.at }) };
}

const FIXTURES: Array<[string, FramesFixture]> = [
  ['Prometheus (counters, multi-frame)', prometheusCounters],
  ['Loki (count_over_time by level)', lokiCountOverTime],
  ['SQL (long, unsorted)', sqlLong],
  ['TestData CSV content (wide)', testDataCsv],
];

describe('Fixtures shaped like Prometheus, Loki, SQL and TestData CSV answers', () => {
  // 10,000 requests, 10 of them 5xx, against 99.5%: allowed = 0.005 × 10,000 = 50 bad events,
  // consumed = 10 / 50 = 0.2, remaining = 0.8.
  it.each(FIXTURES)('%s: good 9990 of 10000, SLI 0.999, a fifth of the budget spent', (_, fixture) => {
    const { evaluation } = evaluate(fixture);
    expect(evaluation.events).toEqual({ good: 9990, bad: 10, total: 10000 });
    expect(evaluation.sli).toBeCloseTo(0.999, 12);
    expect(evaluation.errorBudget.allowed).toBeCloseTo(50, 9);
    expect(evaluation.errorBudget.consumed).toBeCloseTo(0.2, 12);
    expect(evaluation.errorBudget.remaining).toBeCloseTo(0.8, 12);
    expect(evaluation.dataProblems).toEqual([]);
  });

  it('all give the same events, SLI and error budget', () => {
    const [first, ...others] = FIXTURES.map(([, fixture]) => evaluate(fixture).evaluation);
    for (const evaluation of others) {
      expect(evaluation.events).toEqual(first.events);
      expect(evaluation.sli).toBe(first.sli);
      expect(evaluation.errorBudget).toEqual(first.errorBudget);
    }
  });

  it('Prometheus: one counter series per frame, the cart restart kept inside its own series', () => {
    const { result } = evaluate(prometheusCounters);
    expect(result).toMatchObject({ eventKind: 'good', refIds: { event: 'good', total: 'total' }, empty: false });
    const [cart, checkout] = result.input.total;
    expect(cart.kind).toBe('counter');
    expect(Array.from(cart.values).slice(5, 7)).toEqual([882000, 395]);
    // checkout missed the 11:55 scrape: 10 samples, not 11.
    expect(checkout.times).toHaveLength(10);
  });

  it('Loki: bad events from A (level error), the total from B summed over its levels', () => {
    const { result } = evaluate(lokiCountOverTime);
    expect(result).toMatchObject({ eventKind: 'bad', refIds: { event: 'A', total: 'B' } });
    expect(result.input.bad).toHaveLength(1);
    expect(result.input.total).toHaveLength(3);
  });

  it('SQL: one series per service and status, sorted by time', () => {
    const { result } = evaluate(sqlLong);
    expect(result).toMatchObject({ eventKind: 'good', refIds: { event: 'C', total: 'D' } });
    expect(result.input.good).toHaveLength(4);
    expect(result.input.total).toHaveLength(6);
    for (const series of result.input.total) {
      const times = Array.from(series.times);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('TestData CSV: bad events from query "bad", the empty cell a gap', () => {
    const { result } = evaluate(testDataCsv);
    expect(result).toMatchObject({ eventKind: 'bad', refIds: { event: 'bad', total: 'total' } });
    const cart = result.input.bad?.[1];
    expect(Array.from(cart?.values ?? []).slice(0, 3)).toEqual([0, NaN, 0]);
  });
});
