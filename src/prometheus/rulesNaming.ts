/**
 * Names of the series and labels the Nines rules write. The SLO and the window are labels, so one
 * selector reads every SLO or every window of one SLO; names follow Prometheus' level:metric:operation.
 */

export const RECORDED = {
  /** Bad events in the window (for a good-event SLI: total less good). */
  bad: 'nines:sli_bad:increase',
  /** All events in the window. */
  total: 'nines:sli_total:increase',
  /** bad / total over the window; burn rate = this / (1 - objective). */
  errorRatio: 'nines:sli_error:ratio',
  /** The objective as a fraction, e.g. 0.999. */
  objective: 'nines:slo_objective',
  /** Length of the SLO window in seconds (a calendar period's nominal length). */
  windowSeconds: 'nines:slo_window_seconds',
  /** Always 1; carries the SLO's name, team and labels for joins. */
  info: 'nines:slo_info',
} as const;

export const ALERTS = {
  burn: 'NinesErrorBudgetBurn',
  absent: 'NinesSloMetricsAbsent',
} as const;

export const LABEL = {
  slo: 'nines_slo',
  service: 'nines_service',
  window: 'window',
  name: 'nines_name',
  team: 'team',
  severity: 'severity',
  longWindow: 'long_window',
  shortWindow: 'short_window',
} as const;

/**
 * Labels the rules set themselves, so a group-by label may not have these names: the rule would
 * overwrite it and merge the groups. `team` is not among them: a group's own team wins over the SLO's.
 */
export const RESERVED_LABELS: readonly string[] = [
  'alertname',
  ...Object.values(LABEL).filter((label) => label !== LABEL.team),
];

/** Rule files per SLO or per service name their groups after the SLO uid (safe: a-z A-Z 0-9 - _). */
export function groupName(uid: string, part: 'sli' | 'sli-long' | 'alerts'): string {
  return `nines-${uid}-${part}`;
}
