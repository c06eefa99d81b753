/**
 * Evaluates one SLO from a Prometheus: its SLI's raw counters over every point the evaluation
 * needs, chunk by chunk, each series kept apart, then the engine, as the panel does in Grafana.
 */
import { evaluateSlo, type SeriesInput, type SloEvaluation } from '../engine';
import { objectiveFromOptions } from '../panels/slo/sloInput';
import { defaultSloPanelOptions } from '../panels/slo/types';
import type { SloSpec } from '../spec';
import { errorMessage } from './errors';
import { queryRange, SeriesCollector, type FetchLike } from './prometheusApi';
import { earliestNeeded, planRange, type RangePlan } from './rangePlan';
import { sliSelectors } from './sliSelectors';

export interface EvaluateRequest {
  slo: SloSpec;
  at: number;
  /** Query step (ms): the scrape interval, so that every sample is read. */
  step: number;
  prometheusUrl: string;
  fetch: FetchLike;
  /** Called after each chunk (both queries) has been read. */
  progress?: (done: number, total: number) => void;
  warn?: (message: string) => void;
  /** Prometheus' limit by default; tests lower it to read real data in many chunks. */
  maxPointsPerSeries?: number;
}

export interface Evaluated {
  ok: true;
  queries: { event: string; total: string };
  range: { start: number; end: number; step: number; chunks: number };
  /** Series Prometheus returned per query. */
  series: { event: number; total: number };
  evaluation: SloEvaluation;
}

export type EvaluateResult = Evaluated | { ok: false; unreachable: boolean; message: string };

const failed = (message: string): EvaluateResult => ({ ok: false, unreachable: false, message });

function toSeriesInput(collector: SeriesCollector, kind: SeriesInput['kind']): SeriesInput[] {
  return collector.series.map(({ times, values }) => ({ times, values, kind }));
}

/** The engine's `good` or `bad`, as the SLI counts, and `total`. */
function counts(eventKind: 'good' | 'bad', event: SeriesInput[], total: SeriesInput[]) {
  return eventKind === 'good' ? { good: event, total } : { bad: event, total };
}

export async function evaluateAgainstPrometheus(request: EvaluateRequest): Promise<EvaluateResult> {
  const { slo, at, step } = request;
  const queries = sliSelectors(slo);
  if (!queries.ok) {
    return failed(queries.message);
  }
  // The same reading of the objective and tiers as the panel's (the spec was validated on import).
  const options = objectiveFromOptions(
    { ...defaultSloPanelOptions, objective: slo.objective, alerting: slo.alerting },
    (text) => text,
    slo.objective.timeZone
  );
  if (!options.ok) {
    return failed(options.message);
  }
  const engineInput = {
    objective: options.objective,
    at,
    alertTiers: options.alertTiers,
    minEvents: options.minEvents,
  };
  const { eventKind, valueKind } = slo.sli;

  let plan: RangePlan;
  try {
    // The engine owns window arithmetic (calendar periods in a time zone): an evaluation without
    // samples says where the window starts, before anything is fetched.
    const empty = evaluateSlo({ ...engineInput, ...counts(eventKind, [], []) });
    const from = earliestNeeded(
      empty.window.start,
      at,
      empty.alerts.map((alert) => alert.longWindow)
    );
    plan = planRange(from, at, step, request.maxPointsPerSeries);
  } catch (error) {
    return failed(errorMessage(error));
  }

  const event = new SeriesCollector();
  const total = new SeriesCollector();
  for (const [index, chunk] of plan.chunks.entries()) {
    const answers = await Promise.all(
      [queries.event, queries.total].map((query) =>
        queryRange(request.prometheusUrl, query, chunk, step, request.fetch)
      )
    );
    for (const answer of answers) {
      if (!answer.ok) {
        return answer;
      }
      answer.warnings.forEach((warning) => request.warn?.(`Prometheus: ${warning}`));
    }
    const [eventAnswer, totalAnswer] = answers;
    if (eventAnswer.ok && totalAnswer.ok) {
      event.add(eventAnswer.series);
      total.add(totalAnswer.series);
    }
    request.progress?.(index + 1, plan.chunks.length);
  }

  if (total.series.length === 0) {
    // Not an error (a new service has no data yet), but most often a typo in a label.
    request.warn?.(`no series match the total query ${queries.total} in the range read`);
  }

  let evaluation: SloEvaluation;
  try {
    evaluation = evaluateSlo({
      ...engineInput,
      ...counts(eventKind, toSeriesInput(event, valueKind), toSeriesInput(total, valueKind)),
    });
  } catch (error) {
    return failed(errorMessage(error));
  }
  return {
    ok: true,
    queries: { event: queries.event, total: queries.total },
    range: { start: plan.start, end: plan.end, step, chunks: plan.chunks.length },
    series: { event: event.series.length, total: total.series.length },
    evaluation,
  };
}
