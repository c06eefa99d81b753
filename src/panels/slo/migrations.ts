import type { BudgetingMethod } from '../../engine';
import {
  defaultSloPanelOptions,
  type AlertTierOption,
  type OverviewPanelOptions,
  type SloPanelOptions,
  type SloView,
} from './types';

type Stored = Record<string, unknown>;

function isRecord(value: unknown): value is Stored {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const finite = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;
const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
const nonEmpty = (value: unknown, fallback: string) => (typeof value === 'string' && value !== '' ? value : fallback);
function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}

const views: readonly SloView[] = ['summary', 'trend', 'budget', 'alerts', 'overview'];
const methods: readonly BudgetingMethod[] = ['Occurrences', 'Timeslices', 'RatioTimeslices'];

function tierFrom(stored: unknown): AlertTierOption | null {
  if (!isRecord(stored)) {
    return null;
  }
  return {
    severity: oneOf(stored.severity, ['page', 'ticket'] as const, 'ticket'),
    longWindow: text(stored.longWindow, ''),
    shortWindow: text(stored.shortWindow, ''),
    budgetShare: finite(stored.budgetShare, 0),
    enabled: stored.enabled !== false,
  };
}

/** Version 3 added the overview block; earlier panels get its defaults (every SLO, by month). */
function overviewFrom(stored: unknown): OverviewPanelOptions {
  const defaults = defaultSloPanelOptions.overview;
  const overview = isRecord(stored) ? stored : {};
  return {
    teams: text(overview.teams, defaults.teams),
    services: text(overview.services, defaults.services),
    labels: text(overview.labels, defaults.labels),
    granularity: oneOf(overview.granularity, ['month', 'week'] as const, defaults.granularity),
    large: typeof overview.large === 'boolean' ? overview.large : defaults.large,
  };
}

/** Version 1 (0.x) stored `{ target, window }` at the top level and nothing else. */
function fromVersion1(stored: Stored): Stored {
  return { objective: { target: stored.target, window: stored.window } };
}

/**
 * Brings the stored options of a Nines SLO panel to the current shape (schema version 3).
 *
 * Saved dashboard JSON is not trusted to have our shape (it may be hand-edited or from an older
 * version), so every field is read as unknown and replaced by its default when it has the wrong
 * type; values of the right type are kept even when invalid, so that the panel can name the
 * option that is wrong instead of silently changing the SLO.
 */
export function migrateSloPanelOptions(panel: { options?: unknown }): SloPanelOptions {
  const raw = isRecord(panel.options) ? panel.options : {};
  const stored = isRecord(raw.objective) || !('target' in raw || 'window' in raw) ? raw : fromVersion1(raw);
  const defaults = defaultSloPanelOptions;
  const objective = isRecord(stored.objective) ? stored.objective : {};
  const queries = isRecord(stored.queries) ? stored.queries : {};
  const alerting = isRecord(stored.alerting) ? stored.alerting : {};
  const tiers = Array.isArray(alerting.tiers)
    ? alerting.tiers.map(tierFrom).filter((tier): tier is AlertTierOption => tier !== null)
    : defaults.alerting.tiers;

  return {
    view: oneOf(stored.view, views, defaults.view),
    objective: {
      target: finite(objective.target, defaults.objective.target),
      window: nonEmpty(objective.window, defaults.objective.window),
      budgetingMethod: oneOf(objective.budgetingMethod, methods, defaults.objective.budgetingMethod),
      timeSliceWindow: nonEmpty(objective.timeSliceWindow, defaults.objective.timeSliceWindow),
      timeSliceTarget: finite(objective.timeSliceTarget, defaults.objective.timeSliceTarget),
    },
    queries: {
      eventKind: oneOf(queries.eventKind, ['good', 'bad'] as const, defaults.queries.eventKind),
      eventRefId: text(queries.eventRefId, defaults.queries.eventRefId),
      totalRefId: text(queries.totalRefId, defaults.queries.totalRefId),
      valueKind: oneOf(queries.valueKind, ['counter', 'increment'] as const, defaults.queries.valueKind),
    },
    alerting: { tiers, minEvents: finite(alerting.minEvents, defaults.alerting.minEvents) },
    sloUid: text(stored.sloUid, defaults.sloUid),
    overview: overviewFrom(stored.overview),
  };
}
