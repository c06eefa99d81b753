/** Which SLOs the overview shows: filters by team, service and label, and the choices they offer. */
import { checkTimeZone, parseWindow, resolveWindow } from '../engine/window';
import type { SloSpec } from '../spec/types';
import { compareNames } from './order';
import { compliancePeriods, type ComplianceGranularity } from './periods';

export interface OverviewFilter {
  teams: string[];
  services: string[];
  /** "key=value" pairs. */
  labels: string[];
}

export const NO_OVERVIEW_FILTER: OverviewFilter = { teams: [], services: [], labels: [] };

/** "key=value" of one label; the key ends at the first '=' (values may hold one). */
export function labelPair(key: string, value: string): string {
  return `${key}=${value}`;
}

function hasLabel(labels: Record<string, string>, pair: string): boolean {
  const split = pair.indexOf('=');
  if (split < 0) {
    return false;
  }
  const key = pair.slice(0, split);
  return Object.prototype.hasOwnProperty.call(labels, key) && labels[key] === pair.slice(split + 1);
}

/**
 * The specs the filter lets through, in the order given: an empty list does not restrict; an SLO
 * must match one entry of every non-empty list (OR within a list, AND across lists).
 */
export function filterSlos<T extends Pick<SloSpec, 'team' | 'service' | 'labels'>>(
  specs: readonly T[],
  filter: OverviewFilter
): T[] {
  const teams = new Set(filter.teams);
  const services = new Set(filter.services);
  return specs.filter(
    (spec) =>
      (teams.size === 0 || teams.has(spec.team)) &&
      (services.size === 0 || services.has(spec.service)) &&
      (filter.labels.length === 0 || filter.labels.some((pair) => hasLabel(spec.labels, pair)))
  );
}

export interface FilterChoices {
  teams: string[];
  services: string[];
  /** "key=value" pairs. */
  labels: string[];
}

/** The distinct teams, services and label pairs of the specs, sorted by name; unnamed ones ('') are no choice. */
export function filterChoices(specs: ReadonlyArray<Pick<SloSpec, 'team' | 'service' | 'labels'>>): FilterChoices {
  const teams = new Set<string>();
  const services = new Set<string>();
  const labels = new Set<string>();
  for (const spec of specs) {
    teams.add(spec.team);
    services.add(spec.service);
    Object.entries(spec.labels).forEach(([key, value]) => labels.add(labelPair(key, value)));
  }
  const sorted = (names: Set<string>) => [...names].filter((name) => name !== '').sort(compareNames);
  return { teams: sorted(teams), services: sorted(services), labels: sorted(labels) };
}

/**
 * The time range (ms, from exclusive, to inclusive) the overview's tiles must cover at `at`: the
 * compliance grid's periods and every SLO's window. SLOs whose window or time zone does not read
 * are left out (the overview shows them as invalid). Throws a RangeError for an unknown `timeZone`.
 */
export function tilesRange(
  specs: readonly SloSpec[],
  at: number,
  timeZone: string,
  granularity: ComplianceGranularity
): { from: number; to: number } {
  const periods = compliancePeriods(at, timeZone, granularity);
  let from = periods.length > 0 ? periods[0].start : at;
  for (const spec of specs) {
    const window = parseWindow(spec.objective.window);
    if (window === null) {
      continue;
    }
    try {
      checkTimeZone(spec.objective.timeZone);
      from = Math.min(from, resolveWindow(window, at, spec.objective.timeZone).start);
    } catch {
      // An unknown time zone: the SLO is invalid and needs no tiles.
    }
  }
  return { from, to: at };
}
