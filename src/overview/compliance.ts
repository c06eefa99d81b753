/**
 * The compliance grid: for every SLO (rows grouped by team, then service), whether each of the last
 * calendar months or weeks met the objective, from the SLO's hourly tiles.
 */
import type { EventCounts } from '../engine';
import type { SloSpec } from '../spec/types';
import { compareNames } from './order';
import { compliancePeriods, type ComplianceGranularity, type CompliancePeriod } from './periods';
import { meetsTarget } from './sloOverview';
import { periodEvents, type SloTiles } from './tiles';

export type ComplianceStatus = 'met' | 'missed' | 'noData';

export interface ComplianceCell {
  /** met: sli >= target; noData: no events in the period, or more good (or bad) than total events. */
  status: ComplianceStatus;
  sli: number | null;
  events: EventCounts;
}

export interface ComplianceRow {
  uid: string;
  name: string;
  /** Percent, as the spec has it. */
  target: number;
  /** One per period of the grid, in the same order. */
  cells: ComplianceCell[];
  /** Why the tiles could not be read (every cell is then noData); null otherwise. */
  message: string | null;
}

export interface ComplianceService {
  /** '' for SLOs that name no service. */
  service: string;
  rows: ComplianceRow[];
}

export interface ComplianceTeam {
  /** '' for SLOs that name no team. */
  team: string;
  services: ComplianceService[];
}

export interface ComplianceGrid {
  granularity: ComplianceGranularity;
  timeZone: string;
  /** The columns, oldest first; the last is the current, partial period. */
  periods: CompliancePeriod[];
  /** Teams by name, then services by name, then SLOs by name; '' (none named) last at each level. */
  teams: ComplianceTeam[];
}

export interface ComplianceSlo {
  spec: SloSpec;
  /** null while not loaded or when the query failed: every cell is noData. */
  tiles: SloTiles | null;
}

export interface ComplianceOptions {
  /** IANA time zone of the calendar (the dashboard's). */
  timeZone: string;
  granularity: ComplianceGranularity;
  /** Number of periods (default 6 months or 8 weeks). */
  count?: number;
}

/**
 * Each SLO's SLI over each calendar period (start, end] (the current one up to `at`): good / total of
 * the tiles that end inside it. Cells use the event ratio whatever the SLO's budgeting method.
 * Throws a RangeError for an unknown time zone.
 */
export function complianceGrid(slos: readonly ComplianceSlo[], at: number, options: ComplianceOptions): ComplianceGrid {
  const periods = compliancePeriods(at, options.timeZone, options.granularity, options.count);
  return groupComplianceRows(
    slos.map(({ spec, tiles }) => ({
      team: spec.team,
      service: spec.service,
      row: complianceRow(spec, tiles, periods, at),
    })),
    periods,
    options
  );
}

/** One SLO's row of the grid over `periods` (from compliancePeriods at `at`), for callers that cache rows per SLO. */
export function complianceRow(
  spec: SloSpec,
  tiles: SloTiles | null,
  periods: readonly CompliancePeriod[],
  at: number
): ComplianceRow {
  const edges = periods.length === 0 ? [] : [periods[0].start, ...periods.map((period) => Math.min(period.end, at))];
  return rowOf(spec, tiles, edges, periods.length);
}

/** Rows, each with its SLO's team and service, assembled into the grid (grouped and sorted as complianceGrid). */
export function groupComplianceRows(
  rows: ReadonlyArray<{ team: string; service: string; row: ComplianceRow }>,
  periods: CompliancePeriod[],
  options: Pick<ComplianceOptions, 'timeZone' | 'granularity'>
): ComplianceGrid {
  const teams = new Map<string, Map<string, ComplianceRow[]>>();
  for (const { team, service, row } of rows) {
    const services = teams.get(team) ?? new Map<string, ComplianceRow[]>();
    teams.set(team, services);
    const list = services.get(service) ?? [];
    services.set(service, list);
    list.push(row);
  }
  return {
    granularity: options.granularity,
    timeZone: options.timeZone,
    periods,
    teams: sortedEntries(teams).map(([team, services]) => ({
      team,
      services: sortedEntries(services).map(([service, list]) => ({
        service,
        rows: [...list].sort((a, b) => compareNames(a.name, b.name) || compareNames(a.uid, b.uid)),
      })),
    })),
  };
}

function rowOf(spec: SloSpec, tiles: SloTiles | null, edges: number[], count: number): ComplianceRow {
  const row = { uid: spec.uid, name: spec.name, target: spec.objective.target };
  const empty: ComplianceCell = { status: 'noData', sli: null, events: { good: 0, bad: 0, total: 0 } };
  if (tiles === null || count === 0) {
    return { ...row, cells: Array.from({ length: count }, () => empty), message: null };
  }
  try {
    const cells = periodEvents(tiles, edges).map(({ consistent, ...events }): ComplianceCell => {
      if (![events.good, events.bad, events.total].every(Number.isFinite)) {
        return empty;
      }
      const sli = consistent && events.total > 0 ? events.good / events.total : null;
      if (sli === null) {
        return { status: 'noData', sli: null, events };
      }
      return { status: meetsTarget(sli, spec.objective.target) ? 'met' : 'missed', sli, events };
    });
    return { ...row, cells, message: null };
  } catch (error) {
    return {
      ...row,
      cells: Array.from({ length: count }, () => empty),
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

function sortedEntries<T>(map: Map<string, T>): Array<[string, T]> {
  return [...map.entries()].sort(([a], [b]) => compareNames(a, b));
}
