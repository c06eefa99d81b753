/**
 * The SLI editor's live preview: the SLO's queries over the last 24 hours or 7 days, evaluated as
 * the panel evaluates them with the SLO window set to that range.
 */
import type { PanelData, TimeRange } from '@grafana/data';
import type { EventCounts } from '../engine';
import { sloToLibraryPanel } from '../spec/libraryPanel';
import type { SloPanelModel } from '../spec/libraryPanelModel';
import type { SloSpec } from '../spec/types';
import { sloWindowRange } from './runSloQueries';

export type PreviewRange = '24h' | '7d';
export const PREVIEW_RANGES: readonly PreviewRange[] = ['24h', '7d'];

/**
 * The SLO the preview evaluates: its SLI, target and minimum events over the preview range,
 * counting occurrences (a time slice may not fit in 24 hours) and without alert tiers, whose long
 * windows the range may not hold.
 */
export function previewSlo(slo: SloSpec, range: PreviewRange): SloSpec {
  return {
    ...slo,
    objective: { ...slo.objective, window: range, budgetingMethod: 'Occurrences' },
    alerting: { tiers: [], minEvents: slo.alerting.minEvents },
  };
}

/** The library panel model whose queries the preview runs (targets, max data points, interval). */
export function previewModel(slo: SloSpec, range: PreviewRange): SloPanelModel {
  return sloToLibraryPanel(previewSlo(slo, range)).model;
}

/** The preview range ending at `now`. */
export function previewTimeRange(range: PreviewRange, timeZone: string, now: number = Date.now()): TimeRange {
  return sloWindowRange(range, timeZone, now);
}

export interface PreviewFigures {
  /** Fraction of good events; null without events. */
  sli: number | null;
  good: number | null;
  bad: number | null;
  total: number | null;
}

const finite = (value: number | null): number | null => (value !== null && Number.isFinite(value) ? value : null);

/** The numbers the preview shows, null where a number would not be finite (never NaN or Infinity on screen). */
export function previewFigures(events: EventCounts, sli: number | null): PreviewFigures {
  return { sli: finite(sli), good: finite(events.good), bad: finite(events.bad), total: finite(events.total) };
}

/**
 * The refIds of the queries that answered no samples while the others did. A condition or bucket
 * that matches no series counts 0 events, which looks like a number, not like a mistake.
 */
export function silentQueries(data: PanelData, refIds: readonly string[]): string[] {
  const answered = new Set(data.series.filter((frame) => frame.length > 0).map((frame) => frame.refId));
  const silent = refIds.filter((refId) => !answered.has(refId));
  return silent.length < refIds.length ? silent : [];
}
