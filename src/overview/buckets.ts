/** Budget health buckets: where an SLO's remaining error budget puts it on the overview. */

export type BudgetBucket = 'healthy' | 'observe' | 'attention' | 'atRisk' | 'exhausted' | 'noData';

/** Best first; 'noData' last. The order the overview lists buckets in. */
export const BUDGET_BUCKETS: readonly BudgetBucket[] = [
  'healthy',
  'observe',
  'attention',
  'atRisk',
  'exhausted',
  'noData',
];

/**
 * The bucket of a remaining budget (a fraction, 1 = untouched, below 0 = overspent). The issue's
 * ranges overlap at their ends, so each boundary belongs to exactly one bucket:
 * - healthy:   r > 0.75
 * - observe:   0.5 <= r <= 0.75
 * - attention: 0.25 <= r < 0.5
 * - atRisk:    0 < r < 0.25
 * - exhausted: r <= 0
 * - noData:    null (no events, or no budget to spend yet), and anything that is not a finite number.
 */
export function budgetBucket(remaining: number | null): BudgetBucket {
  if (remaining === null || !Number.isFinite(remaining)) {
    return 'noData';
  }
  if (remaining > 0.75) {
    return 'healthy';
  }
  if (remaining >= 0.5) {
    return 'observe';
  }
  if (remaining >= 0.25) {
    return 'attention';
  }
  return remaining > 0 ? 'atRisk' : 'exhausted';
}

export type BucketCounts = Record<BudgetBucket, number>;

/** Zero for every bucket. */
export function emptyBucketCounts(): BucketCounts {
  return { healthy: 0, observe: 0, attention: 0, atRisk: 0, exhausted: 0, noData: 0 };
}

/** How many of the items fall in each bucket (every bucket present, 0 when empty). */
export function countBuckets(items: ReadonlyArray<{ bucket: BudgetBucket }>): BucketCounts {
  const counts = emptyBucketCounts();
  for (const { bucket } of items) {
    counts[bucket]++;
  }
  return counts;
}
