/** What one row of the SLO list shows of an SLO's state, in the words and formats of the panel. Pure. */
import type { AlertState } from '../../engine';
import type { PanelState } from '../../panels/slo/panelState';
import { mostUrgentAlert } from '../slo/firing';
import { formatBudget, formatBurnRate, formatEvents, formatPercent, formatSli } from '../slo/format';
import { budgetHealth, type BudgetHealth } from '../slo/health';

export interface BudgetLeft {
  /** The share of the budget left; negative when overspent, null without events. */
  remaining: number | null;
  text: string;
  health: BudgetHealth;
  /** The bar's filled share, 0 to 1. */
  fill: number;
}

export interface FiringSummary {
  severity: AlertState['severity'];
  /** The most urgent firing tier as the panel's summary words it. */
  text: string;
  /** Other tiers firing besides it. */
  others: number;
}

export type SloStatus =
  | { kind: 'loading' }
  | { kind: 'message'; tone: 'info' | 'warning' | 'error'; title: string; detail: string }
  | {
      kind: 'evaluated';
      sli: string;
      met: boolean;
      /** Set when the data covers only part of the window, e.g. "Data for 63% of the window". */
      coverage: string | null;
      budget: BudgetLeft;
      /** The 1h burn rate, as the panel's summary shows it. */
      burnRate: string;
      /** Null when no tier fires. */
      firing: FiringSummary | null;
    };

export const NO_ALERT_FIRING = 'No alert firing';

/** The words of the panel's summary for a firing tier. */
export function firingText(alert: AlertState): string {
  const severity = alert.severity === 'page' ? 'Page' : 'Ticket';
  return `${severity} firing: ${alert.longWindow}/${alert.shortWindow} at ${formatBurnRate(alert.longBurnRate)}`;
}

function firingSummary(alerts: AlertState[]): FiringSummary | null {
  const alert = mostUrgentAlert(alerts);
  if (!alert) {
    return null;
  }
  const firing = alerts.filter((each) => each.firing).length;
  return { severity: alert.severity, text: firingText(alert), others: firing - 1 };
}

function budgetLeft(remaining: number | null): BudgetLeft {
  return {
    remaining,
    text: formatBudget(remaining),
    health: budgetHealth(remaining),
    fill: remaining === null ? 0 : Math.min(1, Math.max(0, remaining)),
  };
}

/** The row's view of a state; `target` is the objective in percent. */
export function sloStatus(state: PanelState, target: number): SloStatus {
  switch (state.kind) {
    case 'loading':
      return { kind: 'loading' };
    case 'datasourceError':
      return { kind: 'message', tone: 'error', title: 'The query failed', detail: state.message };
    case 'invalidOptions':
      return { kind: 'message', tone: 'warning', title: "Check the SLO's settings", detail: state.message };
    case 'noData':
      return {
        kind: 'message',
        tone: 'info',
        title: 'No data',
        detail: 'The queries returned no samples in the SLO window.',
      };
    case 'tooFewEvents':
      return {
        kind: 'message',
        tone: 'info',
        title: 'Too few events',
        detail:
          state.total === 0
            ? 'No events in the SLO window yet.'
            : `${formatEvents(state.total)} events in the SLO window; at least ${formatEvents(state.minEvents)} are needed.`,
      };
    case 'evaluated': {
      const { sli, errorBudget, burnRate, alerts } = state.evaluation;
      return {
        kind: 'evaluated',
        sli: formatSli(sli, target),
        met: sli !== null && sli >= target / 100,
        coverage: state.partial ? `Data for ${formatPercent(state.partial.coverage, 0)} of the window` : null,
        budget: budgetLeft(errorBudget.remaining),
        burnRate: formatBurnRate(burnRate['1h'] ?? null),
        firing: firingSummary(alerts),
      };
    }
  }
}

/** The budget left that sorting by risk compares; null for a state without numbers. */
export function remainingBudget(state: PanelState | undefined): number | null {
  return state?.kind === 'evaluated' ? state.evaluation.errorBudget.remaining : null;
}
