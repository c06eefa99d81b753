import { BUDGET_BUCKETS, budgetBucket, countBuckets } from './buckets';

describe('budgetBucket', () => {
  it.each([
    [1, 'healthy'],
    [0.7500001, 'healthy'],
    [0.75, 'observe'],
    [0.5, 'observe'],
    [0.4999999, 'attention'],
    [0.25, 'attention'],
    [0.2499999, 'atRisk'],
    [0.0000001, 'atRisk'],
    [0, 'exhausted'],
    [-3, 'exhausted'],
  ] as const)('puts %p remaining in %s', (remaining, bucket) => {
    expect(budgetBucket(remaining)).toBe(bucket);
  });

  it('says noData without a remaining budget, and for a number that is not finite', () => {
    expect(budgetBucket(null)).toBe('noData');
    expect(budgetBucket(NaN)).toBe('noData');
    expect(budgetBucket(Infinity)).toBe('noData');
  });
});

describe('countBuckets', () => {
  it('counts each bucket and reports the empty ones as 0', () => {
    const counts = countBuckets([{ bucket: 'healthy' }, { bucket: 'healthy' }, { bucket: 'noData' }]);
    expect(counts).toEqual({ healthy: 2, observe: 0, attention: 0, atRisk: 0, exhausted: 0, noData: 1 });
    expect(Object.keys(counts).sort()).toEqual([...BUDGET_BUCKETS].sort());
  });
});
