/** The text `nines eval` prints for one evaluated SLO; numbers come from the engine only. */
import type { SloEvaluation } from '../engine';
import type { SloSpec } from '../spec';
import type { Evaluated } from './evaluateAgainst';
import { isoTime } from './time';

const percent = (fraction: number | null, digits: number) =>
  fraction === null ? 'n/a' : `${(fraction * 100).toFixed(digits)}%`;

const rate = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2));

/** Event counts are whole for counters; increments from other sources may not be. */
const count = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));

/** Allowed bad events are a fraction of the total: one decimal is enough. */
const allowed = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** `3d 4h`, `5h 12m`, `40m`: the two largest units are precise enough for a budget's end. */
export function humanDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) {
    return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  }
  return hours > 0 ? `${hours}h ${minutes % 60}m` : `${minutes}m`;
}

function budgetLine(evaluation: SloEvaluation): string {
  const { errorBudget, timeToExhaustion, slices } = evaluation;
  const unit = slices ? 'bad slices' : 'bad events';
  const exhaustion =
    timeToExhaustion === null
      ? ''
      : timeToExhaustion === 0
        ? ', spent'
        : `, spent in ${humanDuration(timeToExhaustion)} at the 1h burn rate`;
  return (
    `${percent(errorBudget.remaining, 1)} remaining (${allowed(errorBudget.allowed)} ${unit} ` +
    `allowed, ${percent(errorBudget.consumed, 1)} consumed${exhaustion})`
  );
}

function alertLines(evaluation: SloEvaluation): string[] {
  return evaluation.alerts.map(
    (alert) =>
      `${alert.severity.padEnd(6)} ${`${alert.longWindow}/${alert.shortWindow}`.padEnd(9)} ` +
      `factor ${alert.factor.toFixed(2).padEnd(6)} long ${rate(alert.longBurnRate).padEnd(7)} ` +
      `short ${rate(alert.shortBurnRate).padEnd(7)} ${alert.firing ? 'FIRING' : 'ok'}`
  );
}

function problemText(evaluation: SloEvaluation): string {
  return evaluation.dataProblems
    .map((problem) =>
      problem.kind === 'negativeIncrement'
        ? `${problem.count} negative increments in the ${problem.series} series`
        : `${problem.kind} in ${problem.count} ${problem.scope}`
    )
    .join('; ');
}

/** The report of one SLO, one fact per line. */
export function formatEvaluation(slo: SloSpec, result: Evaluated): string {
  const { evaluation, queries, range, series } = result;
  const { window, events } = evaluation;
  const label = (name: string) => `  ${name.padEnd(13)} `;
  const indent = ' '.repeat(16);
  const firing = evaluation.alerts.filter((alert) => alert.firing);
  const lines = [
    `${slo.uid} ${JSON.stringify(slo.name)} (service ${slo.service}) at ${isoTime(window.end)}`,
    `${label('objective')}${slo.objective.target}% over ${window.key} (${evaluation.budgetingMethod}), ` +
      `window ${isoTime(window.start)} .. ${isoTime(window.end)}`,
    `${label('SLI')}${percent(evaluation.sli, 4)}`,
    `${label('events')}good ${count(events.good)}, bad ${count(events.bad)}, total ${count(events.total)}`,
  ];
  if (evaluation.slices) {
    lines.push(`${label('slices')}good ${count(evaluation.slices.good)} of ${count(evaluation.slices.total)}`);
  }
  lines.push(
    `${label('error budget')}${budgetLine(evaluation)}`,
    `${label('burn rate')}${Object.entries(evaluation.burnRate)
      .map(([key, value]) => `${key} ${rate(value)}`)
      .join('  ')}`
  );
  const alerts = alertLines(evaluation);
  lines.push(
    `${label('alert tiers')}${alerts[0] ?? 'none'}`,
    ...alerts.slice(1).map((line) => `${indent}${line}`),
    `${label('firing')}${
      firing.length === 0
        ? 'none'
        : firing.map((alert) => `${alert.severity} ${alert.longWindow}/${alert.shortWindow}`).join(', ')
    }`,
    `${label('coverage')}${percent(evaluation.coverage, 1)} of the window has samples`
  );
  if (evaluation.dataProblems.length > 0) {
    lines.push(`${label('data problems')}${problemText(evaluation)}`);
  }
  lines.push(
    `${label('queries')}${slo.sli.eventKind} ${queries.event} (${series.event} series)`,
    `${indent}total ${queries.total} (${series.total} series)`,
    `${indent}${isoTime(range.start)} .. ${isoTime(range.end)} every ${range.step / 1000}s in ${range.chunks} ` +
      `chunk${range.chunks === 1 ? '' : 's'}`
  );
  return lines.join('\n');
}
