/** What the SLO list shows of each SLO, and its filters and order. Pure. */
import type { StoredSlo } from '../../store';
import type { SloSpec } from '../../spec/types';
import { describeWindow, formatObjective } from '../slo/format';

export type SloSortKey = 'name' | 'service' | 'team';

export interface SloRow {
  uid: string;
  name: string;
  service: string;
  team: string;
  objective: string;
  window: string;
  sliKind: string;
}

export interface SloListFilter {
  services: string[];
  teams: string[];
  sort: SloSortKey;
}

/** The kind of SLI in words: what the events are and where they come from. */
export function describeSli(slo: SloSpec): string {
  const { source, eventKind } = slo.sli;
  switch (source.kind) {
    case 'prometheusRatio':
      return `Ratio of ${eventKind} requests (Prometheus)`;
    case 'prometheusLatency':
      return `Latency ≤ ${source.thresholdLe}s (Prometheus)`;
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
  };
}

/** The distinct non-empty values, sorted, for a filter's options. */
export function distinct(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))].sort((a, b) => a.localeCompare(b));
}

/** The rows that pass the filter, in its order (ties by name, then uid, so the order is stable). */
export function filterRows(rows: SloRow[], { services, teams, sort }: SloListFilter): SloRow[] {
  const kept = rows.filter(
    (row) =>
      (services.length === 0 || services.includes(row.service)) && (teams.length === 0 || teams.includes(row.team))
  );
  return kept.sort(
    (a, b) => a[sort].localeCompare(b[sort]) || a.name.localeCompare(b.name) || a.uid.localeCompare(b.uid)
  );
}
