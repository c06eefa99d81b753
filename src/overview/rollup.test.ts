import fc from 'fast-check';
import { rollup } from './rollup';
import { evaluatedSlo } from './testing';

describe('rollup', () => {
  it('weighs each SLO by its events, unlike the average of the SLOs ratios', () => {
    const busy = evaluatedSlo({ name: 'busy', good: 999_900, total: 1_000_000 });
    const quiet = evaluatedSlo({ name: 'quiet', good: 90, total: 100 });
    const [payments] = rollup([busy, quiet], 'team');
    expect(payments.sli).toBeCloseTo(999_990 / 1_000_100, 12);
    expect(payments.sli).toBeGreaterThan(0.9998);
    const averageOfRatios = (0.9999 + 0.9) / 2;
    expect(Math.abs((payments.sli ?? 0) - averageOfRatios)).toBeGreaterThan(0.04);
    expect(payments.events).toEqual({ good: 999_990, bad: 110, total: 1_000_100 });
  });

  it('groups by team or by service, in name order with the unnamed group last', () => {
    const slos = [
      evaluatedSlo({ name: 'a', team: 'search', service: 'api', good: 10, total: 10 }),
      evaluatedSlo({ name: 'b', team: '', service: 'web', good: 10, total: 10 }),
      evaluatedSlo({ name: 'c', team: 'payments', service: 'api', good: 10, total: 10 }),
    ];
    expect(rollup(slos, 'team').map((group) => [group.by, group.name, group.slos.map((slo) => slo.name)])).toEqual([
      ['team', 'payments', ['c']],
      ['team', 'search', ['a']],
      ['team', '', ['b']],
    ]);
    expect(rollup(slos, 'service').map((group) => [group.name, group.slos.map((slo) => slo.name)])).toEqual([
      ['api', ['a', 'c']],
      ['web', ['b']],
    ]);
    expect(rollup([], 'team')).toEqual([]);
  });

  it('names the SLO with the least budget left as the worst, and one without data only when none has data', () => {
    const noData = evaluatedSlo({ name: 'silent', good: 0, total: 0 });
    const spent = evaluatedSlo({ name: 'spent', good: 99_000, total: 100_000 });
    const fine = evaluatedSlo({ name: 'fine', good: 100_000, total: 100_000 });
    const [group] = rollup([noData, fine, spent], 'team');
    expect(group.worst.name).toBe('spent');
    expect(group.slos.map((slo) => slo.name)).toEqual(['spent', 'fine', 'silent']);
    expect(rollup([noData], 'team')[0].worst.name).toBe('silent');
  });

  it('counts the buckets and the SLOs meeting their objective', () => {
    const slos = [
      evaluatedSlo({ name: 'healthy', good: 100_000, total: 100_000 }),
      evaluatedSlo({ name: 'attention', good: 99_940, total: 100_000 }),
      evaluatedSlo({ name: 'exhausted', good: 99_000, total: 100_000 }),
      evaluatedSlo({ name: 'silent', good: 0, total: 0 }),
    ];
    const [group] = rollup(slos, 'team');
    expect(group.buckets).toEqual({ healthy: 1, observe: 0, attention: 1, atRisk: 0, exhausted: 1, noData: 1 });
    expect(group.withData).toBe(3);
    expect(group.meetingObjective).toBe(2);
  });

  it('has no SLI without events, and leaves out counts with more good than total events', () => {
    expect(rollup([evaluatedSlo({ good: 0, total: 0 })], 'team')[0].sli).toBeNull();
    const broken = {
      ...evaluatedSlo({ name: 'broken', good: 10, total: 10 }),
      events: { good: 50, bad: 0, total: 10 },
    };
    const [group] = rollup([broken, evaluatedSlo({ name: 'fine', good: 9, total: 10 })], 'team');
    expect(group.events).toEqual({ good: 9, bad: 1, total: 10 });
    expect(group.sli).toBeCloseTo(0.9, 12);
  });

  it('gives every group Σgood / Σtotal of its SLOs, as a naive sum does', () => {
    const slo = fc
      .record({
        team: fc.constantFrom('a', 'b', 'c', ''),
        total: fc.integer({ min: 0, max: 10_000_000 }),
        share: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ team, total, share }) => evaluatedSlo({ team, total, good: Math.floor(total * share) }));
    fc.assert(
      fc.property(fc.array(slo, { maxLength: 30 }), (slos) => {
        const groups = rollup(slos, 'team');
        expect(groups.reduce((sum, group) => sum + group.slos.length, 0)).toBe(slos.length);
        for (const group of groups) {
          const members = slos.filter((item) => item.team === group.name);
          const good = members.reduce((sum, item) => sum + item.events.good, 0);
          const total = members.reduce((sum, item) => sum + item.events.total, 0);
          if (total === 0) {
            expect(group.sli).toBeNull();
          } else {
            expect(group.sli).toBeCloseTo(good / total, 12);
          }
        }
      }),
      { seed: 7, numRuns: 200 }
    );
  });
});
