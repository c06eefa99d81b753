/** Roll-ups of the overview's SLOs by team or by service. */
import type { EventCounts } from '../engine';
import { compareNames } from './order';
import { countBuckets, type BucketCounts } from './buckets';
import type { OverviewSlo } from './sloOverview';
import { sortByRisk } from './summary';

export type RollupBy = 'team' | 'service';

export interface RollupGroup {
  by: RollupBy;
  /** The team or service; '' for SLOs that name none. */
  name: string;
  /** The group's SLOs in risk order (sortByRisk). */
  slos: OverviewSlo[];
  /** Events summed over the SLOs' windows (each SLO over its own window); SLOs whose counts are inconsistent are left out. */
  events: EventCounts;
  /**
   * Event-weighted SLI: Σgood / Σtotal of `events`, so a busy SLO weighs as much as its traffic
   * (not the average of the SLOs' ratios); null without events.
   */
  sli: number | null;
  /** The first SLO in risk order: least remaining budget, SLOs without data only when none has any. */
  worst: OverviewSlo;
  buckets: BucketCounts;
  /** SLOs with an SLI, and those of them that meet their objective. */
  withData: number;
  meetingObjective: number;
}

/** The SLOs grouped by team or service, groups by name ('' last). Empty input gives no groups. */
export function rollup(slos: readonly OverviewSlo[], by: RollupBy): RollupGroup[] {
  const groups = new Map<string, OverviewSlo[]>();
  for (const slo of slos) {
    const name = slo[by];
    groups.set(name, [...(groups.get(name) ?? []), slo]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareNames(a, b))
    .map(([name, members]) => group(by, name, members));
}

function group(by: RollupBy, name: string, members: OverviewSlo[]): RollupGroup {
  const events = { good: 0, bad: 0, total: 0 };
  for (const slo of members) {
    if (consistent(slo.events)) {
      events.good += slo.events.good;
      events.bad += slo.events.bad;
      events.total += slo.events.total;
    }
  }
  const slos = sortByRisk(members);
  const sli = events.total > 0 ? events.good / events.total : null;
  return {
    by,
    name,
    slos,
    events,
    sli: sli !== null && Number.isFinite(sli) ? sli : null,
    worst: slos[0],
    buckets: countBuckets(members),
    withData: members.filter((slo) => slo.meetsObjective !== null).length,
    meetingObjective: members.filter((slo) => slo.meetsObjective === true).length,
  };
}

/** Counts the engine could split: neither good nor bad above the total (the engine then has no SLI). */
function consistent({ good, bad, total }: EventCounts): boolean {
  return Number.isFinite(total) && good <= total && bad <= total;
}
