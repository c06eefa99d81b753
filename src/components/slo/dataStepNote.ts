import { formatDuration, parseDuration, type SloEvaluation } from '../../engine';

/**
 * Over data coarser than a tier's window the engine reads that window over one sample step (a 5m
 * window between 15m samples would be empty two thirds of the time); this says so, or null when
 * no tier window is shorter than the step.
 */
export function dataStepNote(evaluation: Pick<SloEvaluation, 'alerts' | 'dataStep'>): string | null {
  const { dataStep, alerts } = evaluation;
  if (dataStep === null) {
    return null;
  }
  const widened = alerts.some((alert) =>
    [alert.longWindow, alert.shortWindow].some((window) => (parseDuration(window) ?? Infinity) < dataStep)
  );
  if (!widened) {
    return null;
  }
  const step = formatDuration(dataStep);
  return `Windows shorter than the data's ${step} step are read over ${step}.`;
}
