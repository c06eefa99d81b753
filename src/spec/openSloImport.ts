/**
 * Reads OpenSLO v1 YAML (one or more documents, or lists of objects) into SLO specs. Kind SLO
 * objects become SLOs, with an inline `indicator` or an `indicatorRef` to a kind SLI object of the
 * same file; other OpenSLO kinds are skipped. A file with any problem gives no SLOs: every problem
 * is listed with its YAML path and, in a file of several objects, the object's index.
 */
import { parseAllDocuments } from 'yaml';

import { BUDGETING_METHODS } from './validateObjective';
import { relocateErrors, within, type LocatedError, type PathRule } from './errorPaths';
import { readIndicator, type ImportOptions } from './openSloIndicator';
import { readTimeSlice, readTimeWindow } from './openSloWindow';
import { readAlerting, readAnnotations, readLabels } from './openSloMetadata';
import { ANNOTATION, OPENSLO_VERSION, uidFromName } from './opensloFormat';
import {
  describeValue,
  isRecord,
  pathOf,
  Problems,
  readArray,
  readNumber,
  readOneOf,
  readRecord,
  readString,
  type UnknownRecord,
} from './read';
import type { SloSpec } from './types';
import { fractionToPercent } from './units';
import { validateSlo } from './validate';

export type { ImportOptions };

export interface OpenSloImport {
  ok: boolean;
  /** Empty unless the whole file was read without problems. */
  slos: SloSpec[];
  errors: LocatedError[];
}

const OTHER_KINDS = ['DataSource', 'Service', 'AlertPolicy', 'AlertCondition', 'AlertNotificationTarget'];
const KINDS = ['SLO', 'SLI', ...OTHER_KINDS];

interface OpenSloObject {
  index: number;
  value: UnknownRecord;
}

const INVALID_DOCUMENT = Symbol('invalid YAML document');

const annotationPath = (key: string) => pathOf('metadata.annotations', key);

function readObjective(spec: UnknownRecord, problems: Problems, rules: PathRule[]) {
  const list = readArray(spec.objectives, 'spec.objectives', problems);
  if (Array.isArray(spec.objectives) && list.length !== 1) {
    problems.add('spec.objectives', `must have one objective: Nines has one per SLO, got ${list.length}`);
  }
  const objective = list.length > 0 ? readRecord(list[0], 'spec.objectives[0]', problems) : {};
  const at = (key: string) => pathOf('spec.objectives[0]', key);
  let target: number | undefined;
  if (objective.target !== undefined && objective.targetPercent !== undefined) {
    problems.add('spec.objectives[0]', 'must have target or targetPercent, not both');
  } else if (objective.targetPercent !== undefined) {
    target = readNumber(objective.targetPercent, at('targetPercent'), problems);
    rules.push(['objective.target', at('targetPercent')]);
  } else if (list.length > 0) {
    const fraction = readNumber(objective.target, at('target'), problems);
    if (typeof objective.target === 'number' && !(fraction > 0 && fraction < 1)) {
      problems.add(at('target'), `must be a fraction between 0 and 1 (exclusive), e.g. 0.999, got ${fraction}`);
    }
    target = fractionToPercent(fraction);
    rules.push(['objective.target', at('target')]);
  }
  let timeSliceTarget = 0;
  if (objective.timeSliceTarget !== undefined) {
    const fraction = readNumber(objective.timeSliceTarget, at('timeSliceTarget'), problems);
    if (!(fraction > 0 && fraction <= 1)) {
      problems.add(
        at('timeSliceTarget'),
        `must be a fraction above 0 and at most 1, e.g. 0.95, got ${describeValue(objective.timeSliceTarget)}`
      );
    }
    timeSliceTarget = fractionToPercent(fraction);
  }
  rules.push(
    ['objective.target', at('target')],
    ['objective.timeSliceTarget', at('timeSliceTarget')],
    ['sli.source.op', at('op')],
    ['sli.source.threshold', at('value')]
  );
  // op and value mean something for a threshold metric only (OpenSLO v1); with a ratio they are ignored.
  return {
    target,
    timeSliceTarget,
    timeSliceWindow: objective.timeSliceWindow,
    op: objective.op,
    value: objective.value,
  };
}

/** One kind SLO object as an unvalidated spec, and where each of its fields is in the file. */
function readSlo(object: OpenSloObject, slis: Map<string, OpenSloObject>, options: ImportOptions) {
  const problems = new Problems();
  const sliProblems = new Problems();
  const rules: PathRule[] = [];
  const metadata = readRecord(object.value.metadata, 'metadata', problems);
  const spec = readRecord(object.value.spec, 'spec', problems);
  const annotations = readAnnotations(metadata, problems);
  const name = readString(metadata.name, 'metadata.name', problems);
  const uid = annotations[ANNOTATION.uid] ?? uidFromName(name);
  rules.push(['uid', ANNOTATION.uid in annotations ? annotationPath(ANNOTATION.uid) : 'metadata.name']);
  const displayName = metadata.displayName ?? name;
  rules.push(['name', metadata.displayName === undefined ? 'metadata.name' : 'metadata.displayName']);
  const labels = readLabels(metadata, problems, rules);
  const groupBy = (annotations[ANNOTATION.groupBy] ?? '')
    .split(',')
    .map((label) => label.trim())
    .filter((label) => label !== '');

  let indicator: ReturnType<typeof readIndicator> = null;
  let sliIndex = object.index;
  if ((spec.indicator === undefined) === (spec.indicatorRef === undefined)) {
    problems.add('spec.indicator', 'is required, or an indicatorRef to a kind SLI object');
  } else if (spec.indicator !== undefined) {
    const inline = readRecord(spec.indicator, 'spec.indicator', problems);
    const sliSpec = readRecord(inline.spec, 'spec.indicator.spec', problems);
    indicator = readIndicator(sliSpec, 'spec.indicator.spec', problems, options, groupBy);
  } else {
    const ref = readString(spec.indicatorRef, 'spec.indicatorRef', problems);
    const sli = slis.get(ref);
    if (sli === undefined) {
      problems.add('spec.indicatorRef', `must name a kind SLI object of this file, got ${describeValue(ref)}`);
    } else {
      sliIndex = sli.index;
      const read = readIndicator(
        readRecord(sli.value.spec, 'spec', sliProblems),
        'spec',
        sliProblems,
        options,
        groupBy
      );
      indicator = read && {
        sli: read.sli,
        rules: read.rules.map(([specPath, yamlPath, where]): PathRule => [
          specPath,
          yamlPath,
          { ...where, document: sli.index },
        ]),
      };
    }
  }

  const objective = readObjective(spec, problems, rules);
  const read = indicator?.sli;
  const sli =
    read && isRecord(read.source) && read.source.kind === 'prometheusThreshold'
      ? { ...read, source: { ...read.source, op: objective.op, threshold: objective.value } }
      : read;
  const window = readTimeWindow(spec, annotations, problems, rules);
  const budgetingMethod = readOneOf(spec.budgetingMethod, BUDGETING_METHODS, 'spec.budgetingMethod', problems);
  const slice = readTimeSlice(objective.timeSliceWindow, annotations, problems, rules);
  const timeSliceTarget =
    budgetingMethod === 'Timeslices' && objective.timeSliceTarget === objective.target ? 0 : objective.timeSliceTarget;

  rules.push(
    ['description', 'spec.description'],
    ['service', 'spec.service'],
    ['team', annotationPath(ANNOTATION.team)],
    ['runbookUrl', annotationPath(ANNOTATION.runbookUrl)],
    ['folderUid', annotationPath(ANNOTATION.folderUid)],
    ['objective.budgetingMethod', 'spec.budgetingMethod'],
    ...(indicator?.rules ?? [])
  );
  const candidate = {
    uid,
    name: displayName,
    description: spec.description ?? '',
    service: spec.service,
    team: annotations[ANNOTATION.team] ?? '',
    labels,
    runbookUrl: annotations[ANNOTATION.runbookUrl] ?? '',
    folderUid: annotations[ANNOTATION.folderUid] ?? '',
    sli,
    objective: { ...window, target: objective.target, budgetingMethod, timeSliceWindow: slice, timeSliceTarget },
    alerting: readAlerting(annotations, problems, rules),
  };
  const readErrors: LocatedError[] = [
    ...problems.list.map((error) => ({ ...error, document: object.index })),
    ...sliProblems.list.map((error) => ({ ...error, document: sliIndex })),
  ];
  return { candidate, rules, readErrors, convertible: indicator !== null };
}

/**
 * The objects of a YAML file: each document, or each item of a document that is a list. An
 * object's index counts the objects before it, and a document that is not valid YAML as one.
 */
function readObjects(yamlText: string): { objects: OpenSloObject[]; errors: LocatedError[]; count: number } {
  const errors: LocatedError[] = [];
  const values: unknown[] = [];
  for (const document of parseAllDocuments(yamlText)) {
    if (document.errors.length > 0) {
      const index = values.push(INVALID_DOCUMENT) - 1;
      const messages = document.errors.map((error) => `is not valid YAML: ${error.message}`);
      errors.push(...messages.map((message) => ({ path: '', message, document: index })));
    } else {
      const value: unknown = document.toJS();
      values.push(...(Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]));
    }
  }
  const objects: OpenSloObject[] = [];
  values.forEach((value, index) => {
    if (value === INVALID_DOCUMENT) {
      return;
    }
    const problems = new Problems();
    const object = readRecord(value, '', problems);
    if (isRecord(value)) {
      if (object.apiVersion !== OPENSLO_VERSION) {
        problems.add('apiVersion', `must be ${OPENSLO_VERSION}, got ${describeValue(object.apiVersion)}`);
      }
      readOneOf(object.kind, KINDS, 'kind', problems);
    }
    if (problems.empty) {
      objects.push({ index, value: object });
    }
    errors.push(...problems.list.map((error) => ({ ...error, document: index })));
  });
  return { objects, errors, count: values.length };
}

/** The key of an error, to drop a validation error where reading already found one. */
const errorKey = (error: LocatedError) => `${error.document ?? ''} ${error.path}`;

/** Reads the SLOs of an OpenSLO v1 file; see the module comment. */
export function openSloToSlo(yamlText: string, options: ImportOptions = {}): OpenSloImport {
  const { objects, errors, count } = readObjects(yamlText);
  const slis = new Map<string, OpenSloObject>();
  for (const object of objects.filter((candidate) => candidate.value.kind === 'SLI')) {
    const metadata = readRecord(object.value.metadata, 'metadata', new Problems());
    slis.set(String(metadata.name), object);
  }
  const slos: SloSpec[] = [];
  const sloObjects = objects.filter((object) => object.value.kind === 'SLO');
  for (const object of sloObjects) {
    const { candidate, rules, readErrors, convertible } = readSlo(object, slis, options);
    const validated = validateSlo(candidate);
    // What could not be read has its problem already; validating what was left adds nothing.
    const readable = validated.ok ? [] : validated.errors.filter((error) => convertible || !within(error.path, 'sli'));
    const validationErrors = relocateErrors(readable, rules)
      .map((error) => ({ ...error, document: error.document ?? object.index }))
      .filter((error) => !readErrors.some((read) => read.document === error.document && within(error.path, read.path)));
    errors.push(...readErrors, ...validationErrors);
    if (validated.ok) {
      slos.push(validated.slo);
    }
  }
  if (sloObjects.length === 0 && errors.length === 0) {
    errors.push({ path: '', message: 'has no SLO: OpenSLO v1 objects of kind SLO are what Nines imports' });
  }
  const several = count > 1;
  // In the order of the file (the sort is stable), without repeats (an SLI read for two SLOs).
  errors.sort((a, b) => (a.document ?? -1) - (b.document ?? -1));
  const unique = new Map(errors.map((error) => [`${errorKey(error)} ${error.message}`, error]));
  const located = [...unique.values()].map(({ document, ...error }) =>
    several && document !== undefined ? { ...error, document } : error
  );
  return located.length === 0 ? { ok: true, slos, errors: [] } : { ok: false, slos: [], errors: located };
}
