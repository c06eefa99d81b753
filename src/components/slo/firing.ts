import type { AlertState, SloEvaluation } from '../../engine';

/** The alert a person should act on first: a firing page before a firing ticket, shortest window first. */
export function mostUrgentAlert(alerts: AlertState[]): AlertState | null {
  const firing = alerts.filter((alert) => alert.firing);
  return firing.find((alert) => alert.severity === 'page') ?? firing[0] ?? null;
}

/** When a tier last fired within the window: still firing, ended at a time, or not at all. */
export type LastFired = { kind: 'firing'; since: number } | { kind: 'ended'; at: number } | { kind: 'never' };

export function lastFired(evaluation: SloEvaluation, alertIndex: number): LastFired {
  const periods = evaluation.series.firing[alertIndex] ?? [];
  const last = periods[periods.length - 1];
  if (!last) {
    return { kind: 'never' };
  }
  return evaluation.alerts[alertIndex]?.firing
    ? { kind: 'firing', since: last.start }
    : { kind: 'ended', at: last.end };
}

/** Runs of consecutive chart buckets whose SLI is below the target, as time spans. */
export function breaches(evaluation: SloEvaluation, target: number): Array<{ start: number; end: number }> {
  const { times, step, sli } = evaluation.series;
  const spans: Array<{ start: number; end: number }> = [];
  sli.forEach((value, index) => {
    if (value === null || value >= target) {
      return;
    }
    const start = times[index] - step;
    const previous = spans[spans.length - 1];
    if (previous && previous.end === start) {
      previous.end = times[index];
    } else {
      spans.push({ start, end: times[index] });
    }
  });
  return spans;
}
