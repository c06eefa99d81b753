import type { BudgetingMethod, Severity } from '../../engine';

/**
 * The views of one SLO, all drawn from one engine evaluation, and 'overview': every stored SLO
 * (filtered), for boards that show the whole organisation.
 */
export type SloView = 'summary' | 'trend' | 'budget' | 'alerts' | 'overview';

/** An alert tier as the panel stores it: the budget share in percent, and a switch. */
export interface AlertTierOption {
  severity: Severity;
  longWindow: string;
  shortWindow: string;
  /** Percent of the SLO window's budget the long window may spend before the tier fires. */
  budgetShare: number;
  enabled: boolean;
}

/** Which stored SLOs the overview view shows and how (template variables allowed in the filters). */
export interface OverviewPanelOptions {
  /** Comma-separated team names; empty shows every team. */
  teams: string;
  /** Comma-separated service names; empty shows every service. */
  services: string;
  /** Comma-separated `key=value` labels an SLO must all carry. */
  labels: string;
  /** Compliance grid columns: calendar months or weeks. */
  granularity: 'month' | 'week';
  /** Large type, readable from across the room on a TV board. */
  large: boolean;
}

/** What the Nines SLO panel stores in a dashboard's panel `options` (schema version 3). */
export interface SloPanelOptions {
  view: SloView;
  objective: {
    /** Percent of good events, e.g. 99.9. */
    target: number;
    /** Rolling duration ('30d') or calendar period ('calendar:month'); template variables allowed. */
    window: string;
    budgetingMethod: BudgetingMethod;
    /** Slice length for the timeslice methods. */
    timeSliceWindow: string;
    /** Percent a slice must reach to count as good (Timeslices); 0 means the target. */
    timeSliceTarget: number;
  };
  queries: {
    /** Whether the event query counts good or bad events. */
    eventKind: 'good' | 'bad';
    /** refId of the event query; '' picks `good`, `bad`, else A. */
    eventRefId: string;
    /** refId of the total query; '' picks `total`, else B. */
    totalRefId: string;
    valueKind: 'counter' | 'increment';
  };
  alerting: {
    tiers: AlertTierOption[];
    /** Low-traffic guard: a tier fires only when its long window holds at least this many events. */
    minEvents: number;
  };
  /** Set when the panel is an SLO of the Nines app (a library panel); links to its page. */
  sloUid: string;
  /** Used by the overview view only. */
  overview: OverviewPanelOptions;
}

/** The options of an SLO's library panel: one SLO, so no overview block. */
export type SingleSloPanelOptions = Omit<SloPanelOptions, 'overview'>;

export const SLO_PANEL_SCHEMA_VERSION = 3;

/** The SRE Workbook's tiers for a 30-day SLO (14.4x, 6x, 3x, 1x), as budget shares in percent. */
export const defaultAlertTierOptions: AlertTierOption[] = [
  { severity: 'page', longWindow: '1h', shortWindow: '5m', budgetShare: 2, enabled: true },
  { severity: 'page', longWindow: '6h', shortWindow: '30m', budgetShare: 5, enabled: true },
  { severity: 'ticket', longWindow: '1d', shortWindow: '2h', budgetShare: 10, enabled: true },
  { severity: 'ticket', longWindow: '3d', shortWindow: '6h', budgetShare: 10, enabled: true },
];

export const defaultSloPanelOptions: SloPanelOptions = {
  view: 'summary',
  objective: {
    target: 99.9,
    window: '30d',
    budgetingMethod: 'Occurrences',
    timeSliceWindow: '5m',
    timeSliceTarget: 0,
  },
  queries: { eventKind: 'good', eventRefId: '', totalRefId: '', valueKind: 'counter' },
  alerting: { tiers: defaultAlertTierOptions, minEvents: 0 },
  sloUid: '',
  overview: { teams: '', services: '', labels: '', granularity: 'month', large: false },
};

export const sloWindows = [
  { value: '7d', label: '7 days' },
  { value: '28d', label: '28 days' },
  { value: '30d', label: '30 days' },
  { value: '90d', label: '90 days' },
  { value: 'calendar:week', label: 'Calendar week' },
  { value: 'calendar:month', label: 'Calendar month' },
  { value: 'calendar:quarter', label: 'Calendar quarter' },
];
