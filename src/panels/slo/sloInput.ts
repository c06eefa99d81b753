import { parseDuration, parseWindow, type AlertTier, type Objective } from '../../engine';
import type { SingleSloPanelOptions } from './types';

/** What the panel passes to the engine besides the data, or the option that is wrong. */
export type ObjectiveFromOptions =
  | {
      ok: true;
      objective: Objective;
      alertTiers: AlertTier[];
      /** Index in the options of each tier passed to the engine (disabled tiers are left out). */
      tierIndex: number[];
      minEvents: number;
    }
  | { ok: false; message: string };

const percentInRange = (value: number) => Number.isFinite(value) && value > 0 && value < 100;

function tierLabel(index: number): string {
  return `Alert tier ${index + 1}`;
}

/**
 * Reads the objective and alerting options (after template variables) into engine input. Each
 * message names the option as the panel editor shows it.
 */
export function objectiveFromOptions(
  options: SingleSloPanelOptions,
  replaceVariables: (text: string) => string,
  timeZone: string
): ObjectiveFromOptions {
  const { target, budgetingMethod, timeSliceTarget } = options.objective;
  const fail = (message: string): ObjectiveFromOptions => ({ ok: false, message });

  if (!percentInRange(target)) {
    return fail(`Objective → Target (%): must be between 0 and 100, e.g. 99.9, got ${target}`);
  }
  const window = replaceVariables(options.objective.window).trim();
  if (parseWindow(window) === null) {
    return fail(
      `Objective → Window: must be a rolling duration like 30d or calendar:week, calendar:month, calendar:quarter, got "${window}"`
    );
  }
  const objective: Objective = { target: target / 100, window, timeZone, budgetingMethod };
  if (budgetingMethod !== 'Occurrences') {
    const slice = replaceVariables(options.objective.timeSliceWindow).trim();
    if (parseDuration(slice) === null) {
      return fail(`Objective → Time slice: must be a duration like 5m, got "${slice}"`);
    }
    objective.timeSliceWindow = slice;
  }
  if (budgetingMethod === 'Timeslices' && timeSliceTarget !== 0) {
    if (!percentInRange(timeSliceTarget)) {
      return fail(
        `Objective → Slice target (%): must be between 0 and 100, or 0 for the objective, got ${timeSliceTarget}`
      );
    }
    objective.timeSliceTarget = timeSliceTarget / 100;
  }

  const { minEvents } = options.alerting;
  if (!(Number.isFinite(minEvents) && minEvents >= 0)) {
    return fail(`Alerting → Minimum events: must be 0 or more, got ${minEvents}`);
  }

  const alertTiers: AlertTier[] = [];
  const tierIndex: number[] = [];
  for (const [index, tier] of options.alerting.tiers.entries()) {
    if (!tier.enabled) {
      continue;
    }
    const label = tierLabel(index);
    const long = parseDuration(tier.longWindow);
    const short = parseDuration(tier.shortWindow);
    if (long === null) {
      return fail(`Alerting → ${label} → Long window: must be a duration like 1h, got "${tier.longWindow}"`);
    }
    if (short === null) {
      return fail(`Alerting → ${label} → Short window: must be a duration like 5m, got "${tier.shortWindow}"`);
    }
    if (short >= long) {
      return fail(`Alerting → ${label} → Short window: must be shorter than the long window (${tier.longWindow})`);
    }
    if (!(Number.isFinite(tier.budgetShare) && tier.budgetShare > 0 && tier.budgetShare <= 100)) {
      return fail(
        `Alerting → ${label} → Budget share (%): must be more than 0 and at most 100, got ${tier.budgetShare}`
      );
    }
    alertTiers.push({
      severity: tier.severity,
      longWindow: tier.longWindow,
      shortWindow: tier.shortWindow,
      budgetShare: tier.budgetShare / 100,
    });
    tierIndex.push(index);
  }
  return { ok: true, objective, alertTiers, tierIndex, minEvents };
}

/** Grafana's dashboard time zone ('utc', 'browser', '' or an IANA name) as an IANA name. */
export function ianaTimeZone(timeZone: string | undefined): string {
  if (!timeZone || timeZone === 'browser') {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  }
  return timeZone === 'utc' ? 'UTC' : timeZone;
}
