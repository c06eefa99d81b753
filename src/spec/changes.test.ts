import fc from 'fast-check';

import { sloSpec } from './arbitraries';
import { serverChanges, sloChanges, sloFields } from './changes';
import { ratioSlo, rawSlo } from './testing';
import type { SloSpec } from './types';

function edited(change: (slo: SloSpec) => void): SloSpec {
  const slo = ratioSlo();
  change(slo);
  return slo;
}

describe('sloChanges', () => {
  it('finds nothing between an SLO and itself', () => {
    fc.assert(
      fc.property(sloSpec, (slo) => {
        expect(sloChanges(slo, JSON.parse(JSON.stringify(slo)))).toEqual([]);
      }),
      { numRuns: 100 }
    );
  });

  it('lists each changed field with both values', () => {
    const theirs = edited((slo) => {
      slo.objective.target = 99.5;
      slo.name = 'Checkout';
      slo.alerting.tiers[1].enabled = false;
    });
    expect(sloChanges(ratioSlo(), theirs)).toEqual([
      { path: 'name', a: 'Checkout availability', b: 'Checkout' },
      { path: 'objective.target', a: 99.9, b: 99.5 },
      { path: 'alerting.tiers[1].enabled', a: true, b: false },
    ]);
  });

  it('lists added and removed labels, matchers and tiers with the missing side undefined', () => {
    const theirs = edited((slo) => {
      slo.labels = { tier: '1', region: 'eu' };
      slo.alerting.tiers = slo.alerting.tiers.slice(0, 3);
    });
    const changes = sloChanges(ratioSlo(), theirs);
    expect(changes).toContainEqual({ path: 'labels.env', a: 'prod', b: undefined });
    expect(changes).toContainEqual({ path: 'labels.region', a: undefined, b: 'eu' });
    expect(changes).toContainEqual({ path: 'alerting.tiers[3].budgetShare', a: 10, b: undefined });
  });

  it('tells an empty list from a missing one, and quotes label names that are not plain words', () => {
    const slo = rawSlo();
    const theirs = { ...slo, sli: { ...slo.sli, source: { kind: 'raw' as const, eventQuery: {}, totalQuery: {} } } };
    expect(sloChanges(slo, theirs)).toContainEqual({ path: 'sli.source.eventQuery', a: undefined, b: {} });
    expect(sloFields(edited((draft) => (draft.labels = { 'a.b': 'x' }))).get('labels["a.b"]')).toBe('x');
  });
});

describe('serverChanges', () => {
  it("gives each field the server changed with the server's value and the user's", () => {
    const theirs = edited((slo) => {
      slo.objective.target = 99.5;
      slo.description = 'Theirs';
    });
    const mine = edited((slo) => {
      slo.objective.target = 99.99;
      slo.team = 'checkout-team';
    });
    expect(serverChanges(ratioSlo(), theirs, mine)).toEqual([
      { path: 'description', server: 'Theirs', yours: 'Checkout requests that do not fail with a server error.' },
      { path: 'objective.target', server: 99.5, yours: 99.99 },
    ]);
  });
});
