/** The overview's headline and its risk order. */
import { countBuckets, type BucketCounts } from './buckets';
import type { OverviewSlo } from './sloOverview';

export interface OverviewSummary {
  /** All SLOs given. */
  slos: number;
  /** SLOs with an SLI (meetsObjective is not null): the "of" in "12 of 14 meet their objective". */
  withData: number;
  meetingObjective: number;
  buckets: BucketCounts;
}

/** How many SLOs meet their objective (of those with data), and how many are in each bucket. */
export function overviewSummary(slos: readonly OverviewSlo[]): OverviewSummary {
  return {
    slos: slos.length,
    withData: slos.filter((slo) => slo.meetsObjective !== null).length,
    meetingObjective: slos.filter((slo) => slo.meetsObjective === true).length,
    buckets: countBuckets(slos),
  };
}

/**
 * Risk order: least remaining budget first; SLOs without a remaining budget (the 'noData' bucket:
 * no data, too few events, invalid) last; ties by name, then uid, so the order is stable.
 */
export function compareRisk(a: OverviewSlo, b: OverviewSlo): number {
  const ra = riskBudget(a);
  const rb = riskBudget(b);
  if (ra !== rb) {
    if (ra === null || rb === null) {
      return ra === null ? 1 : -1;
    }
    return ra - rb;
  }
  return a.name.localeCompare(b.name) || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);
}

/** A new array of the SLOs in risk order (see compareRisk). */
export function sortByRisk(slos: readonly OverviewSlo[]): OverviewSlo[] {
  return [...slos].sort(compareRisk);
}

/** The budget that ranks an SLO: only a bucketed one counts, so the order agrees with the buckets. */
function riskBudget(slo: OverviewSlo): number | null {
  return slo.bucket === 'noData' ? null : slo.remaining;
}
