/**
 * Imports Sloth `prometheus/v1` files (one or more YAML documents): each entry of `slos` becomes a
 * 30-day rolling SLO (Sloth's default period) over the Prometheus datasource chosen for the
 * import, with the SRE Workbook's alert tiers as Sloth has them; `page_alert.disable` and
 * `ticket_alert.disable` switch off the page or ticket tiers. How queries are converted is in
 * slothQueries.ts. Sloth's alert names, labels and annotations have no place in an SLO: notes say
 * so, except a `runbook` annotation, which becomes the runbook URL.
 */
import { parseAllDocuments } from 'yaml';

import { defaultAlerting, defaultObjective } from './defaults';
import { relocateErrors, within, type LocatedError, type PathRule } from './errorPaths';
import type { ImportOptions } from './openSloIndicator';
import { uidFromName } from './opensloFormat';
import { slothSli } from './slothQueries';
import {
  describeValue,
  isRecord,
  pathOf,
  Problems,
  readArray,
  readBoolean,
  readNumber,
  readRecord,
  readString,
  readStringMap,
  type UnknownRecord,
} from './read';
import type { SloSpec } from './types';
import { validateSlo } from './validate';

export const SLOTH_VERSION = 'prometheus/v1';

export interface SlothImport {
  ok: boolean;
  /** Empty unless the whole file was read without problems. */
  slos: SloSpec[];
  errors: LocatedError[];
  /** What was imported differently, or not at all, though the SLOs are valid. */
  notes: LocatedError[];
}

const RAW_RATIO =
  'is not supported: an error ratio has no event counts, which Nines needs for error budgets and burn rates; ' +
  'write the error and total queries as sli.events';
const PLUGIN =
  'is not supported: a Sloth SLI plugin makes its queries inside Sloth; write the error and total queries as sli.events';

function alertSwitch(alerting: UnknownRecord, key: string, problems: Problems, at: string): boolean {
  const alert = readRecord(alerting[key], pathOf(at, key), problems, true);
  return !readBoolean(alert.disable, pathOf(pathOf(at, key), 'disable'), problems, false);
}

/** One entry of `slos` as an unvalidated spec, where its fields are, and notes. */
function readSlo(value: unknown, at: string, file: UnknownRecord, options: ImportOptions, problems: Problems) {
  const slo = readRecord(value, at, problems);
  const notes: string[][] = [];
  const service = readString(file.service, 'service', problems);
  const fileLabels = readStringMap(file.labels, 'labels', problems);
  const sloLabels = readStringMap(slo.labels, pathOf(at, 'labels'), problems);
  const labels = { ...fileLabels, ...sloLabels };
  const name = readString(slo.name, pathOf(at, 'name'), problems);
  const objective = readNumber(slo.objective, pathOf(at, 'objective'), problems);
  const labelPath = (label: string) =>
    label in sloLabels ? pathOf(pathOf(at, 'labels'), label) : pathOf('labels', label);
  const teamLabel = ['team', 'owner'].find((label) => label in labels);
  const rules: PathRule[] = [
    ['uid', pathOf(at, 'name')],
    ['name', pathOf(at, 'name')],
    ['description', pathOf(at, 'description')],
    ['service', 'service'],
    ...Object.keys(labels).map((label): PathRule => [pathOf('labels', label), labelPath(label)]),
    ['objective.target', pathOf(at, 'objective')],
    ['sli.datasource', 'datasource'],
  ];
  if (teamLabel) {
    rules.push(['team', labelPath(teamLabel)]);
  }

  const sliPath = pathOf(at, 'sli');
  const sliInput = readRecord(slo.sli, sliPath, problems);
  let sli: ReturnType<typeof slothSli> | null = null;
  if (sliInput.raw !== undefined) {
    problems.add(pathOf(sliPath, 'raw'), RAW_RATIO);
  } else if (sliInput.plugin !== undefined) {
    problems.add(pathOf(sliPath, 'plugin'), PLUGIN);
  } else {
    const eventsPath = pathOf(sliPath, 'events');
    const events = readRecord(sliInput.events, eventsPath, problems);
    const errorPath = pathOf(eventsPath, 'error_query');
    const totalPath = pathOf(eventsPath, 'total_query');
    const errorQuery = readString(events.error_query, errorPath, problems);
    const totalQuery = readString(events.total_query, totalPath, problems);
    if (isRecord(sliInput.events) && errorQuery.trim() !== '' && totalQuery.trim() !== '') {
      sli = slothSli(errorQuery, totalQuery);
      if (sli.note) {
        notes.push([eventsPath, sli.note]);
      }
      rules.push(
        ['sli.source.eventQuery', errorPath, { whole: true }],
        ['sli.source.totalQuery', totalPath, { whole: true }],
        ['sli.source.eventMatchers', errorPath, { whole: true }],
        ['sli.source.thresholdLe', errorPath, { whole: true }],
        ['sli.source', totalPath, { whole: true }]
      );
    } else if (isRecord(sliInput.events)) {
      problems.add(eventsPath, 'needs an error_query and a total_query');
    }
  }

  const alertingPath = pathOf(at, 'alerting');
  const alertingInput = readRecord(slo.alerting, alertingPath, problems, true);
  const alerting = defaultAlerting();
  const pages = alertSwitch(alertingInput, 'page_alert', problems, alertingPath);
  const tickets = alertSwitch(alertingInput, 'ticket_alert', problems, alertingPath);
  alerting.tiers = alerting.tiers.map((tier) => ({ ...tier, enabled: tier.severity === 'page' ? pages : tickets }));
  const annotations = readStringMap(alertingInput.annotations, pathOf(alertingPath, 'annotations'), problems);
  const runbook = annotations.runbook ?? annotations.runbook_url ?? '';
  rules.push([
    'runbookUrl',
    pathOf(pathOf(alertingPath, 'annotations'), 'runbook' in annotations ? 'runbook' : 'runbook_url'),
  ]);
  if (['name', 'labels', 'annotations'].some((key) => alertingInput[key] !== undefined)) {
    notes.push([
      alertingPath,
      'Nines names and labels its alerts itself: the alert name, labels and annotations were not imported',
    ]);
  }

  const candidate = {
    uid: uidFromName(`${service}-${name}`),
    name,
    description: slo.description ?? '',
    service,
    team: teamLabel ? labels[teamLabel] : '',
    labels,
    runbookUrl: runbook,
    folderUid: '',
    sli: sli && {
      datasource: options.datasource,
      eventKind: sli.eventKind,
      valueKind: sli.valueKind,
      source: sli.source,
    },
    objective: { ...defaultObjective(), target: objective },
    alerting,
  };
  return { candidate, rules, notes, convertible: sli !== null };
}

/** Reads the SLOs of a Sloth file; see the module comment. */
export function slothToSlo(yamlText: string, options: ImportOptions = {}): SlothImport {
  const errors: LocatedError[] = [];
  const notes: LocatedError[] = [];
  const slos: SloSpec[] = [];
  const documents = parseAllDocuments(yamlText);
  const several = documents.length > 1;
  const located = <T extends { path: string; message: string }>(error: T, document: number) =>
    several ? { ...error, document } : error;
  if (!options.datasource) {
    errors.push({
      path: 'datasource',
      message: 'is required: choose the Prometheus datasource the SLOs query (Sloth files name none)',
    });
  }

  for (const [document, yaml] of documents.entries()) {
    if (yaml.errors.length > 0) {
      errors.push(
        ...yaml.errors.map((error) => located({ path: '', message: `is not valid YAML: ${error.message}` }, document))
      );
      continue;
    }
    const problems = new Problems();
    const value: unknown = yaml.toJS();
    const file = readRecord(value, '', problems);
    if (isRecord(value) && file.version !== SLOTH_VERSION) {
      problems.add('version', `must be ${SLOTH_VERSION}, got ${describeValue(file.version)}`);
    }
    const entries = readArray(file.slos, 'slos', problems);
    // In file order: the file's problems, then each SLO's reading problems and validation errors.
    errors.push(...problems.list.splice(0).map((error) => located(error, document)));
    for (const [index, entry] of entries.entries()) {
      const read = readSlo(entry, pathOf('slos', index), file, options, problems);
      const found = problems.list.splice(0);
      notes.push(...read.notes.map(([path, message]) => located({ path, message }, document)));
      const validated = validateSlo(read.candidate);
      if (validated.ok) {
        slos.push(validated.slo);
      }
      // What could not be read has its problem already; validating what was left adds nothing.
      const readable = validated.ok
        ? []
        : validated.errors.filter((error) => read.convertible || !within(error.path, 'sli'));
      const invalid = relocateErrors(readable, read.rules).filter(
        (error) =>
          !found.some((problem) => within(error.path, problem.path)) &&
          !(options.datasource === undefined && within(error.path, 'datasource'))
      );
      errors.push(...[...found, ...invalid].map((error) => located(error, document)));
    }
  }
  const unique = [...new Map(errors.map((error) => [JSON.stringify(error), error])).values()];
  return unique.length === 0 ? { ok: true, slos, errors: [], notes } : { ok: false, slos: [], errors: unique, notes };
}
