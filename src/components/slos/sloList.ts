/** What the SLO list shows of each SLO, and its filters and order. Pure. */
import type { StoredSlo } from '../../store';
import type { SloSpec } from '../../spec/types';
import { describeWindow, formatObjective } from '../slo/format';

/** `risk`: the least budget left first, SLOs without numbers last. */
export type SloSortKey = 'name' | 'service' | 'team' | 'risk';

export interface SloRow {
  uid: string;
  name: string;
  service: string;
  team: string;
  objective: string;
  window: string;
  sliKind: string;
  /** Objective in percent, for the SLI's decimals. */
  target: number;
  /** `key=value`, sorted. */
  labels: string[];
}

export interface SloListFilter {
  services: string[];
  teams: string[];
  /** `key=value`: a row must have every one. */
  labels: string[];
  sort: SloSortKey;
}

const THRESHOLD_SYMBOL = { lt: '<', lte: '≤', gt: '>', gte: '≥' } as const;

/** The kind of SLI in words: what the events are and where they come from. */
export function describeSli(slo: SloSpec): string {
  const { source, eventKind } = slo.sli;
  switch (source.kind) {
    case 'prometheusRatio':
      return `Ratio of ${eventKind} requests (Prometheus)`;
    case 'prometheusLatency':
      return `Latency ≤ ${source.thresholdLe}s (Prometheus)`;
    case 'prometheusThreshold':
      return `Share of points with value ${THRESHOLD_SYMBOL[source.op]} ${source.threshold} (Prometheus)`;
    case 'raw':
      return `${eventKind === 'good' ? 'Good' : 'Bad'} / total queries (${slo.sli.datasource.type})`;
  }
}

/** "30 days", "Calendar month": the window in words, starting with a capital. */
export function windowInWords(window: string): string {
  const words = describeWindow(window);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function sloRow({ slo }: StoredSlo): SloRow {
  return {
    uid: slo.uid,
    name: slo.name,
    service: slo.service,
    team: slo.team,
    objective: formatObjective(slo.objective.target),
    window: windowInWords(slo.objective.window),
    sliKind: describeSli(slo),
    target: slo.objective.target,
    labels: Object.entries(slo.labels)
      .map(([key, value]) => `${key}=${value}`)
      .sort((a, b) => a.localeCompare(b)),
  };
}

/** The distinct non-empty values, sorted, for a filter's options. */
export function distinct(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))].sort((a, b) => a.localeCompare(b));
}

const byText = (key: 'name' | 'service' | 'team') => (a: SloRow, b: SloRow) => a[key].localeCompare(b[key]);

/** Least budget left first; rows without a number after every row with one. */
function byRisk(remaining: ReadonlyMap<string, number | null>) {
  return (a: SloRow, b: SloRow) => {
    const left = remaining.get(a.uid) ?? null;
    const right = remaining.get(b.uid) ?? null;
    if (left === null || right === null) {
      return left === right ? 0 : left === null ? 1 : -1;
    }
    return left - right;
  };
}

/**
 * The rows that pass the filter, in its order (ties by name, then uid, so the order is stable).
 * `remaining` is each SLO's budget left by uid, for the risk order; SLOs not in it have no number.
 */
export function filterRows(
  rows: SloRow[],
  { services, teams, labels, sort }: SloListFilter,
  remaining: ReadonlyMap<string, number | null> = new Map()
): SloRow[] {
  const kept = rows.filter(
    (row) =>
      (services.length === 0 || services.includes(row.service)) &&
      (teams.length === 0 || teams.includes(row.team)) &&
      labels.every((label) => row.labels.includes(label))
  );
  const primary = sort === 'risk' ? byRisk(remaining) : byText(sort);
  return kept.sort((a, b) => primary(a, b) || a.name.localeCompare(b.name) || a.uid.localeCompare(b.uid));
}
