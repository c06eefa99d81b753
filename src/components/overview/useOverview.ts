import { useCallback, useMemo } from 'react';
import { dateTime, type TimeRange } from '@grafana/data';
import { checkTimeZone } from '../../engine/window';
import {
  complianceRow,
  compliancePeriods,
  filterSlos,
  groupComplianceRows,
  overviewSummary,
  rollup,
  sloOverview,
  sortByRisk,
  tilesRange,
  type ComplianceGranularity,
  type ComplianceGrid,
  type CompliancePeriod,
  type ComplianceRow,
  type OverviewFilter,
  type OverviewSlo,
  type OverviewSummary,
  type RollupGroup,
} from '../../overview';
import type { OverviewTiles } from '../../query/overviewQueries';
import type { SloSpec } from '../../spec/types';
import { useOverviewTiles } from './useOverviewTiles';

export interface OverviewRequest {
  /** null while the SLOs are being listed. */
  slos: SloSpec[] | null;
  /** The instant evaluated (ms); change it with `refresh`. */
  at: number;
  /** IANA time zone of the compliance calendar. */
  timeZone: string;
  granularity: ComplianceGranularity;
  /** A new value loads the tiles again. */
  refresh: number;
  /** SLOs per request (default: the query layer's BATCH_SIZE). */
  batchSize?: number;
  /**
   * Which of `slos` to show (default all). Tiles are loaded for all of `slos` whatever the filter,
   * so changing it asks the datasources nothing.
   */
  filter?: OverviewFilter;
}

export interface OverviewData {
  /**
   * The SLOs evaluated so far, in risk order (sortByRisk). While a refresh loads, an SLO it has not
   * answered yet keeps its evaluation from the refresh before (and counts in `loading`).
   */
  slos: OverviewSlo[];
  /** SLOs (of those the filter shows) still waiting for their tiles. */
  loading: number;
  summary: OverviewSummary;
  teams: RollupGroup[];
  services: RollupGroup[];
  grid: ComplianceGrid;
  requests: { sent: number; answered: number };
  /** Every request answered and every SLO shown evaluated. */
  done: boolean;
}

/** One SLO's evaluation from one tiles entry, with its compliance rows per calendar. */
interface Evaluated {
  spec: SloSpec;
  at: number;
  slo: OverviewSlo;
  /** By `${timeZone} ${granularity} ${first period's start}`. */
  rows: Map<string, ComplianceRow>;
}

/*
 * Keyed by the tiles entry: each answered batch brings new entries, so a render evaluates only the
 * SLOs of the batches that arrived since the last one (about 1.5 ms each), never all of them.
 */
const evaluations = new WeakMap<OverviewTiles, Evaluated>();

function tilesOf(entry: OverviewTiles) {
  return entry.ok ? entry.input : null;
}

function evaluate(spec: SloSpec, entry: OverviewTiles, at: number): Evaluated {
  const cached = evaluations.get(entry);
  if (cached && cached.spec === spec && cached.at === at) {
    return cached;
  }
  const slo = sloOverview(spec, tilesOf(entry), at);
  const evaluated: Evaluated = {
    spec,
    at,
    // A failed query: the SLO says why instead of only "no data".
    slo: entry.ok || slo.state === 'invalid' ? slo : { ...slo, state: 'invalid', message: entry.message },
    rows: new Map(),
  };
  evaluations.set(entry, evaluated);
  return evaluated;
}

function rowOf(evaluated: Evaluated, entry: OverviewTiles, periods: CompliancePeriod[], key: string): ComplianceRow {
  let row = evaluated.rows.get(key);
  if (!row) {
    row = complianceRow(evaluated.spec, tilesOf(entry), periods, evaluated.at);
    if (!entry.ok) {
      row = { ...row, message: entry.message };
    }
    evaluated.rows.set(key, row);
  }
  return row;
}

/** A time zone the calendar can use: an unknown one falls back to UTC rather than breaking the page. */
function knownTimeZone(timeZone: string): string {
  try {
    checkTimeZone(timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
}

const NO_SLOS: SloSpec[] = [];
const GRANULARITIES: ComplianceGranularity[] = ['month', 'week'];

/**
 * Every SLO's budget health, roll-ups, compliance grid and headline from hourly tiles, updated as
 * each batch of tiles arrives. The tiles cover both calendars (months and weeks), so switching
 * the grid's granularity asks nothing again.
 */
export function useOverview({
  slos,
  at,
  timeZone: zone,
  granularity,
  refresh,
  batchSize,
  filter,
}: OverviewRequest): OverviewData {
  const timeZone = knownTimeZone(zone);
  // By content: a filter rebuilt on every render must not evaluate again.
  const filterKey = filter ? JSON.stringify([filter.teams, filter.services, filter.labels]) : '';
  const shown = useMemo(
    () => (slos && filter ? filterSlos(slos, filter) : slos),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [slos, filterKey]
  );
  const range = useMemo<TimeRange | null>(() => {
    if (!slos) {
      return null;
    }
    const month = tilesRange(slos, at, timeZone, 'month');
    const week = tilesRange(slos, at, timeZone, 'week');
    const from = dateTime(Math.min(month.from, week.from));
    const to = dateTime(at);
    return { from, to, raw: { from, to } };
  }, [slos, at, timeZone]);
  const { tiles, stale, requests } = useOverviewTiles(slos, range, timeZone, refresh, batchSize);

  // Both calendars' periods: rows for months and weeks are made as each SLO arrives, so switching
  // the grid's granularity regroups rows instead of reading a thousand SLOs' tiles in one task.
  const periods = useMemo(
    () => ({
      month: compliancePeriods(at, timeZone, 'month'),
      week: compliancePeriods(at, timeZone, 'week'),
    }),
    [at, timeZone]
  );

  const rowKey = useCallback(
    (granularity: ComplianceGranularity) => `${timeZone} ${granularity} ${periods[granularity][0]?.start}`,
    [timeZone, periods]
  );

  const { evaluated, fresh } = useMemo(() => {
    const list: Array<{ entry: OverviewTiles; evaluated: Evaluated }> = [];
    let answered = 0;
    for (const spec of shown ?? NO_SLOS) {
      const entry = tiles.get(spec.uid);
      if (entry) {
        const one = evaluate(spec, entry, at);
        GRANULARITIES.forEach((each) => rowOf(one, entry, periods[each], rowKey(each)));
        list.push({ entry, evaluated: one });
        answered++;
        continue;
      }
      // Not answered in this refresh yet: the last refresh's evaluation, as it was, if there is one.
      const old = stale.get(spec.uid);
      const before = old && evaluations.get(old);
      if (old && before) {
        list.push({ entry: old, evaluated: before });
      }
    }
    return { evaluated: list, fresh: answered };
  }, [shown, tiles, stale, at, periods, rowKey]);

  const overview = useMemo(() => {
    const all = evaluated.map(({ evaluated: { slo } }) => slo);
    return {
      slos: sortByRisk(all),
      summary: overviewSummary(all),
      teams: rollup(all, 'team'),
      services: rollup(all, 'service'),
    };
  }, [evaluated]);

  const grid = useMemo(() => {
    const key = rowKey(granularity);
    // Every fresh SLO has its row; a stale one only if its periods are still the grid's.
    const rows = evaluated.flatMap(({ evaluated: one }) => {
      const row = one.rows.get(key);
      return row ? [{ team: one.spec.team, service: one.spec.service, row }] : [];
    });
    return groupComplianceRows(rows, periods[granularity], { timeZone, granularity });
  }, [evaluated, timeZone, granularity, periods, rowKey]);

  const total = shown?.length ?? 0;
  return {
    ...overview,
    loading: total - fresh,
    grid,
    requests,
    done: slos !== null && requests.answered >= requests.sent && fresh === total,
  };
}
