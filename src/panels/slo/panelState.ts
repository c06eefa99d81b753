import { LoadingState, type PanelData } from '@grafana/data';
import { evaluateSlo, type SloEvaluation } from '../../engine';
import { toSloSeries } from '../../query';
import { ianaTimeZone, objectiveFromOptions } from './sloInput';
import type { SingleSloPanelOptions } from './types';

/** Below this share of the window with samples, the panel says its numbers cover only part of it. */
export const FULL_COVERAGE = 0.99;

export interface PartialData {
  /** Share of the SLO window (from its start to the evaluation time) that has samples. */
  coverage: number;
  /** What to put in the panel's Query options → Relative time to query the whole window. */
  relativeTime: string;
}

/** What the panel shows: an evaluation, or a state that is not a number. */
export type PanelState =
  /** The first answer has not arrived: Grafana shows its loading bar, the panel shows nothing yet. */
  | { kind: 'loading' }
  | { kind: 'datasourceError'; message: string }
  | { kind: 'invalidOptions'; message: string }
  | { kind: 'noData' }
  | { kind: 'tooFewEvents'; total: number; minEvents: number }
  | {
      kind: 'evaluated';
      evaluation: SloEvaluation;
      /** For each alert of the evaluation, the index of its tier in the options. */
      tierIndex: number[];
      partial: PartialData | null;
    };

export interface PanelStateInput {
  data: PanelData;
  options: SingleSloPanelOptions;
  timeZone: string;
  replaceVariables: (text: string) => string;
  /** Chart points; the panel passes its width so that no point is narrower than a pixel. */
  chartPoints: number;
}

function datasourceError(data: PanelData): string | null {
  const errors = data.errors ?? [];
  if (errors.length === 0 && data.state !== LoadingState.Error) {
    return null;
  }
  const messages = errors.map((error) => {
    const text = error.message ?? error.data?.message ?? 'the query failed';
    return error.refId ? `Query ${error.refId}: ${text}` : text;
  });
  return messages.length > 0 ? messages.join('\n') : 'The datasource returned an error.';
}

/** Relative time that queries exactly the SLO window (calendar periods so far). */
export function relativeTimeFor(window: string): string {
  const calendar: Record<string, string> = {
    'calendar:week': 'now/w',
    'calendar:month': 'now/M',
    'calendar:quarter': 'now/fQ',
  };
  return calendar[window] ?? window;
}

/** From the panel's data and options to what it shows. Pure: the view only draws the result. */
export function panelState({ data, options, timeZone, replaceVariables, chartPoints }: PanelStateInput): PanelState {
  if (data.state === LoadingState.Loading && data.series.length === 0) {
    return { kind: 'loading' };
  }
  const error = datasourceError(data);
  if (error !== null) {
    return { kind: 'datasourceError', message: error };
  }
  const objective = objectiveFromOptions(options, replaceVariables, ianaTimeZone(timeZone));
  if (!objective.ok) {
    return { kind: 'invalidOptions', message: objective.message };
  }
  const { queries } = options;
  const series = toSloSeries(
    data.series,
    {
      eventKind: queries.eventKind,
      eventRefId: replaceVariables(queries.eventRefId).trim(),
      totalRefId: replaceVariables(queries.totalRefId).trim(),
      valueKind: queries.valueKind,
    },
    data.request?.targets.map((target) => target.refId)
  );
  if (!series.ok) {
    return { kind: 'invalidOptions', message: series.message };
  }
  if (series.empty) {
    return { kind: 'noData' };
  }

  let evaluation: SloEvaluation;
  try {
    evaluation = evaluateSlo({
      ...series.input,
      objective: objective.objective,
      at: data.timeRange.to.valueOf(),
      alertTiers: objective.alertTiers,
      minEvents: objective.minEvents,
      chartPoints: Math.max(2, Math.round(chartPoints)),
    });
  } catch (engineError) {
    // The options were checked above; what remains is named by the engine's field path.
    return {
      kind: 'invalidOptions',
      message: engineError instanceof Error ? engineError.message : String(engineError),
    };
  }

  if (evaluation.coverage === 0) {
    return { kind: 'noData' };
  }
  const total = evaluation.events.total;
  if (total === 0 || total < objective.minEvents) {
    return { kind: 'tooFewEvents', total, minEvents: objective.minEvents };
  }
  const partial =
    evaluation.coverage < FULL_COVERAGE
      ? { coverage: evaluation.coverage, relativeTime: relativeTimeFor(objective.objective.window) }
      : null;
  return { kind: 'evaluated', evaluation, tierIndex: objective.tierIndex, partial };
}
