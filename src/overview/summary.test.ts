import { overviewSummary, sortByRisk } from './summary';
import { evaluatedSlo } from './testing';

describe('overviewSummary', () => {
  it('counts the SLOs meeting their objective of those with data, and each bucket', () => {
    const summary = overviewSummary([
      evaluatedSlo({ name: 'a', good: 100_000, total: 100_000 }),
      evaluatedSlo({ name: 'b', good: 99_960, total: 100_000 }),
      evaluatedSlo({ name: 'c', good: 99_000, total: 100_000 }),
      evaluatedSlo({ name: 'd', good: 0, total: 0 }),
    ]);
    expect(summary).toEqual({
      slos: 4,
      withData: 3,
      meetingObjective: 2,
      buckets: { healthy: 1, observe: 1, attention: 0, atRisk: 0, exhausted: 1, noData: 1 },
    });
  });

  it('is all zeros without SLOs', () => {
    expect(overviewSummary([])).toEqual({
      slos: 0,
      withData: 0,
      meetingObjective: 0,
      buckets: { healthy: 0, observe: 0, attention: 0, atRisk: 0, exhausted: 0, noData: 0 },
    });
  });
});

describe('sortByRisk', () => {
  it('puts the least remaining budget first, SLOs without data last, ties by name', () => {
    const slos = [
      evaluatedSlo({ name: 'Zeta', good: 0, total: 0 }),
      evaluatedSlo({ name: 'beta', good: 100_000, total: 100_000 }),
      evaluatedSlo({ name: 'Alpha', good: 100_000, total: 100_000 }),
      evaluatedSlo({ name: 'spent', good: 99_000, total: 100_000 }),
      evaluatedSlo({ name: 'alone', good: 0, total: 0 }),
      evaluatedSlo({ name: 'half', good: 99_950, total: 100_000 }),
    ];
    expect(sortByRisk(slos).map((slo) => slo.name)).toEqual(['spent', 'half', 'Alpha', 'beta', 'alone', 'Zeta']);
    expect(slos[0].name).toBe('Zeta');
  });

  it('ranks an SLO with too few events among those without data, whatever its numbers', () => {
    const guarded = {
      ...evaluatedSlo({ name: 'guarded', good: 1, total: 2 }),
      state: 'tooFewEvents' as const,
      bucket: 'noData' as const,
    };
    const fine = evaluatedSlo({ name: 'fine', good: 100, total: 100 });
    expect(sortByRisk([guarded, fine]).map((slo) => slo.name)).toEqual(['fine', 'guarded']);
  });
});
