/** The editor's steps, and the step and field name of each error path, so that errors show where they are fixed. */
import { within } from '../../spec/errorPaths';
import type { SpecError } from '../../spec/types';

export type EditorStep = 'sli' | 'objective' | 'alerting' | 'details' | 'review';

export const EDITOR_STEPS: ReadonlyArray<{ step: EditorStep; title: string }> = [
  { step: 'sli', title: 'SLI' },
  { step: 'objective', title: 'Objective' },
  { step: 'alerting', title: 'Alerting' },
  { step: 'details', title: 'Details' },
  { step: 'review', title: 'Review' },
];

const DETAILS = ['uid', 'name', 'description', 'service', 'team', 'labels', 'runbookUrl', 'folderUid'];

/** The step whose fields hold the path; errors of the whole SLO ('') are shown on the review. */
export function stepOf(path: string): EditorStep {
  if (within(path, 'sli')) {
    return 'sli';
  }
  if (within(path, 'objective')) {
    return 'objective';
  }
  if (within(path, 'alerting')) {
    return 'alerting';
  }
  return DETAILS.some((field) => within(path, field)) ? 'details' : 'review';
}

export function nextStep(step: EditorStep): EditorStep {
  const index = EDITOR_STEPS.findIndex((entry) => entry.step === step);
  return EDITOR_STEPS[Math.min(index + 1, EDITOR_STEPS.length - 1)].step;
}

export function previousStep(step: EditorStep): EditorStep {
  const index = EDITOR_STEPS.findIndex((entry) => entry.step === step);
  return EDITOR_STEPS[Math.max(index - 1, 0)].step;
}

export function errorsOfStep(errors: SpecError[], step: EditorStep): SpecError[] {
  return errors.filter((error) => stepOf(error.path) === step);
}
