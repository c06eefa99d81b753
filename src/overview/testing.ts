/** Builders for overview tests: SLO specs and hourly tiles. */
import { newSloSpec } from '../spec/defaults';
import type { SloSpec } from '../spec/types';
import { budgetBucket } from './buckets';
import { meetsTarget, type OverviewSlo } from './sloOverview';
import type { SloTiles } from './tiles';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface SpecFields extends Partial<Omit<SloSpec, 'objective' | 'alerting'>> {
  objective?: Partial<SloSpec['objective']>;
  alerting?: Partial<SloSpec['alerting']>;
}

/** A valid SLO spec (99.9% over 30 days, UTC) with the given fields. */
export function overviewSpec(fields: SpecFields = {}): SloSpec {
  const spec = newSloSpec();
  const { objective, alerting, ...rest } = fields;
  return {
    ...spec,
    uid: 'slo-1',
    name: 'Checkout availability',
    service: 'checkout',
    team: 'payments',
    ...rest,
    objective: { ...spec.objective, ...objective },
    alerting: { ...spec.alerting, ...alerting },
  };
}

export interface HourCounts {
  total: number;
  bad: number;
}

/**
 * Hourly increment tiles, one per hour ending at `end - k × HOUR`, `hours` of them; `counts` gives
 * each hour's events from the hour's end time. Good events unless `eventKind` is 'bad'.
 */
export function hourlyTiles(
  end: number,
  hours: number,
  counts: (hourEnd: number) => HourCounts,
  eventKind: 'good' | 'bad' = 'good'
): SloTiles {
  const times = Array.from({ length: hours }, (_, i) => end - (hours - 1 - i) * HOUR);
  const perHour = times.map(counts);
  const total = [{ kind: 'increment' as const, times, values: perHour.map((hour) => hour.total) }];
  const measured = perHour.map((hour) => (eventKind === 'good' ? hour.total - hour.bad : hour.bad));
  return { [eventKind]: [{ kind: 'increment' as const, times, values: measured }], total };
}

/** Tiles of single events at the given times: `good` and `bad` are lists of event times. */
export function eventTiles(good: number[], bad: number[]): SloTiles {
  const times = [...new Set([...good, ...bad])].sort((a, b) => a - b);
  const count = (list: number[], t: number) => list.filter((time) => time === t).length;
  return {
    good: [{ kind: 'increment', times, values: times.map((t) => count(good, t)) }],
    total: [{ kind: 'increment', times, values: times.map((t) => count(good, t) + count(bad, t)) }],
  };
}

export interface SloFields {
  uid?: string;
  name?: string;
  team?: string;
  service?: string;
  /** Percent. */
  target?: number;
  good: number;
  total: number;
}

/**
 * An 'ok' OverviewSlo with the numbers an Occurrences evaluation of these window events gives,
 * for tests of what is built on OverviewSlo. total 0 gives a 'tooFewEvents' SLO.
 */
export function evaluatedSlo({
  uid,
  name,
  team = 'payments',
  service = 'checkout',
  target = 99.9,
  good,
  total,
}: SloFields): OverviewSlo {
  const bad = total - good;
  const allowed = (1 - target / 100) * total;
  const remaining = allowed > 0 ? 1 - bad / allowed : null;
  const sli = total > 0 ? good / total : null;
  return {
    uid: uid ?? name ?? 'slo',
    name: name ?? uid ?? 'slo',
    service,
    team,
    labels: {},
    target,
    window: '30d',
    timeZone: 'UTC',
    state: total > 0 ? 'ok' : 'tooFewEvents',
    message: null,
    events: { good, bad, total },
    sli,
    remaining,
    bucket: total > 0 ? budgetBucket(remaining) : 'noData',
    meetsObjective: sli === null ? null : meetsTarget(sli, target),
    exhaustionAt: null,
    burnRate1h: null,
    sparkline: { times: [], remaining: [] },
  };
}
