/**
 * The SLO editor's form values and the pure conversions between them and the spec. Numbers the
 * user types stay text until converted, so that "99." or "" are states of the form rather than
 * NaN; labels are ordered rows, so that a row may be empty or repeat a key while the user types.
 */
import { within } from './errorPaths';
import { defaultObjective } from './defaults';
import { describeValue, pathOf } from './read';
import type { AlertTierOption, SloAlerting, SloObjective, SloSpec, SpecError } from './types';
import { validateSlo } from './validate';

export interface LabelRow {
  key: string;
  value: string;
}

export interface ObjectiveForm extends Omit<SloObjective, 'target' | 'timeSliceTarget'> {
  target: string;
  /** '' means the objective's target (0 in the spec). */
  timeSliceTarget: string;
}

export interface AlertingForm {
  tiers: AlertTierOption[];
  /** '' means 0. */
  minEvents: string;
}

export interface SloForm extends Omit<SloSpec, 'labels' | 'objective' | 'alerting'> {
  labels: LabelRow[];
  objective: ObjectiveForm;
  alerting: AlertingForm;
}

/**
 * The spec, or every problem with the path of its field. `draft` is the form read as well as it
 * can be (numbers that are not numbers take their defaults), for previews of an unfinished SLO.
 */
export type FormResult = { ok: true; slo: SloSpec } | { ok: false; errors: SpecError[]; draft: SloSpec };

export function sloToForm(slo: SloSpec): SloForm {
  const { labels, objective, alerting, ...rest } = slo;
  return {
    ...rest,
    labels: Object.entries(labels).map(([key, value]) => ({ key, value })),
    objective: {
      ...objective,
      target: String(objective.target),
      timeSliceTarget: objective.timeSliceTarget === 0 ? '' : String(objective.timeSliceTarget),
    },
    alerting: { tiers: alerting.tiers.map((tier) => ({ ...tier })), minEvents: String(alerting.minEvents) },
  };
}

/** Decimal numbers as people type them (99.95, .5, 1e-3); not hex, not Infinity, not blank. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

interface NumberField {
  text: string;
  path: string;
  example: string;
  /** The value of a blank field; undefined when the field is required. */
  blank?: number;
  /** The value in the draft when the text is not a number. */
  fallback: number;
}

function readNumberText({ text, path, example, blank, fallback }: NumberField, problems: SpecError[]): number {
  const trimmed = text.trim();
  if (trimmed === '' && blank !== undefined) {
    return blank;
  }
  if (trimmed === '') {
    problems.push({ path, message: `is required: a number like ${example}` });
    return fallback;
  }
  if (!DECIMAL.test(trimmed)) {
    problems.push({ path, message: `must be a number like ${example}, got ${describeValue(text)}` });
    return fallback;
  }
  return Number(trimmed);
}

/** Rows to a map: blank rows are skipped; a value without a key and a repeated key are problems. */
function readLabels(rows: LabelRow[], problems: SpecError[]): Record<string, string> {
  const labels: Array<[string, string]> = [];
  const firstRow = new Map<string, number>();
  rows.forEach((row, index) => {
    const key = row.key.trim();
    const at = pathOf(pathOf('labels', index), 'key');
    if (key === '') {
      if (row.value !== '') {
        problems.push({ path: at, message: `is required: the value "${row.value}" needs a label name` });
      }
      return;
    }
    if (key === '__proto__') {
      // validateSlo reads labels into a plain object, where this name would vanish unreported.
      problems.push({ path: at, message: 'must not start with __: such labels are reserved' });
      return;
    }
    const first = firstRow.get(key);
    if (first !== undefined) {
      problems.push({ path: at, message: `repeats the label "${key}" of row ${first + 1}: each label once` });
      return;
    }
    firstRow.set(key, index);
    labels.push([key, row.value]);
  });
  return Object.fromEntries(labels);
}

function readObjective(form: ObjectiveForm, problems: SpecError[]): SloObjective {
  const defaults = defaultObjective();
  const target = readNumberText(
    { text: form.target, path: 'objective.target', example: '99.9', fallback: defaults.target },
    problems
  );
  const timeSliceTarget = readNumberText(
    { text: form.timeSliceTarget, path: 'objective.timeSliceTarget', example: '95', blank: 0, fallback: 0 },
    problems
  );
  return { ...form, target, timeSliceTarget };
}

function readAlerting(form: AlertingForm, problems: SpecError[]): SloAlerting {
  const minEvents = readNumberText(
    { text: form.minEvents, path: 'alerting.minEvents', example: '100', blank: 0, fallback: 0 },
    problems
  );
  return { tiers: form.tiers.map((tier) => ({ ...tier })), minEvents };
}

/** The spec the form describes, through `validateSlo`: errors have the paths of spec fields or form rows. */
export function formToSlo(form: SloForm): FormResult {
  const problems: SpecError[] = [];
  const { labels, objective, alerting, ...rest } = form;
  const draft: SloSpec = {
    ...rest,
    labels: readLabels(labels, problems),
    objective: readObjective(objective, problems),
    alerting: readAlerting(alerting, problems),
  };
  const result = validateSlo(draft);
  if (result.ok && problems.length === 0) {
    return result;
  }
  return { ok: false, errors: [...problems, ...(result.ok ? [] : result.errors)], draft };
}

/**
 * The errors of one label row: the row's own (`labels[2].key`) and the spec's errors about its
 * label (`labels.team-x`), which belong to the first row with that key.
 */
export function labelRowErrors(rows: LabelRow[], errors: SpecError[], index: number): SpecError[] {
  const rowPath = pathOf('labels', index);
  const key = rows[index]?.key.trim() ?? '';
  const owner = key !== '' && rows.findIndex((row) => row.key.trim() === key) === index;
  return errors.filter((error) => within(error.path, rowPath) || (owner && within(error.path, pathOf('labels', key))));
}
