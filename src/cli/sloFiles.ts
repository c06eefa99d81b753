/**
 * Reads SLO files for the CLI: OpenSLO v1 or Sloth `prometheus/v1`, told apart by their content,
 * through the same importers as the app. Problems keep the file, the object's index and the YAML path.
 */
import { parseAllDocuments } from 'yaml';

import { sliQueries } from '../prometheus';
import { openSloToSlo, slothToSlo, type DataSourceRef, type LocatedError, type SloSpec } from '../spec';

export type SloFileFormat = 'openslo' | 'sloth';

export interface FileProblem {
  file: string;
  /** Index of the object (YAML document, or list item) in a file of several, from 0. */
  document?: number;
  /** YAML path; '' for the file or document as a whole. */
  path: string;
  message: string;
}

export interface SloFile {
  file: string;
  format: SloFileFormat | null;
  /** Empty when the file has any error: importers give all SLOs of a file or none. */
  slos: SloSpec[];
  errors: FileProblem[];
  /** What was imported differently than written (Sloth queries rewritten), though valid. */
  notes: FileProblem[];
}

export interface LoadOptions {
  /** The Prometheus datasource for files that name none (Sloth files never do). */
  datasource: DataSourceRef;
}

const NEITHER = 'is neither an OpenSLO v1 file (apiVersion: openslo/v1) nor a Sloth file (version: prometheus/v1)';

/** The format of a file from its first object that says: `apiVersion` is OpenSLO, `version` is Sloth. */
export function detectFormat(yamlText: string): SloFileFormat | null {
  let invalidYaml = false;
  for (const document of parseAllDocuments(yamlText)) {
    if (document.errors.length > 0) {
      invalidYaml = true;
      continue;
    }
    const value: unknown = document.toJS();
    for (const object of Array.isArray(value) ? value : [value]) {
      if (typeof object === 'object' && object !== null && !Array.isArray(object)) {
        if ('apiVersion' in object) {
          return 'openslo';
        }
        if ('version' in object) {
          return 'sloth';
        }
      }
    }
  }
  // The OpenSLO reader names each YAML error with its document.
  return invalidYaml ? 'openslo' : null;
}

export function loadSloFile(file: string, yamlText: string, options: LoadOptions): SloFile {
  const format = detectFormat(yamlText);
  const located = (error: LocatedError): FileProblem => ({ file, ...error });
  if (format === null) {
    return { file, format, slos: [], errors: [{ file, path: '', message: NEITHER }], notes: [] };
  }
  if (format === 'sloth') {
    const imported = slothToSlo(yamlText, { datasource: options.datasource });
    return {
      file,
      format,
      slos: imported.slos,
      errors: imported.errors.map(located),
      notes: imported.notes.map(located),
    };
  }
  const imported = openSloToSlo(yamlText, { datasource: options.datasource });
  return { file, format, slos: imported.slos, errors: imported.errors.map(located), notes: [] };
}

/** `slo.yaml: document 2: spec.objectives[0].target: must be ...` (documents counted from 1). */
export function formatProblem(problem: FileProblem): string {
  const parts = [problem.file];
  if (problem.document !== undefined) {
    parts.push(`document ${problem.document + 1}`);
  }
  if (problem.path !== '') {
    parts.push(problem.path);
  }
  return `${parts.join(': ')}: ${problem.message}`;
}

function percent(value: number): string {
  return `${value}%`;
}

/** What the SLI counts, in a few words: the builder's selectors, or the raw queries' datasource. */
function describeSli(slo: SloSpec): string {
  const { source, eventKind, datasource } = slo.sli;
  if (source.kind === 'raw') {
    return `${eventKind} and total events from raw ${datasource.type} queries`;
  }
  const queries = sliQueries(source, eventKind);
  return `${eventKind} ${queries.event} of ${queries.total}`;
}

/** One line per SLO: `checkout-availability "Checkout availability" (checkout): 99.9% over 30d, bad x of y`. */
export function describeSlo(slo: SloSpec): string {
  const { target, window, budgetingMethod } = slo.objective;
  const method = budgetingMethod === 'Occurrences' ? '' : ` (${budgetingMethod})`;
  const tiers = slo.alerting.tiers.filter((tier) => tier.enabled).length;
  return (
    `${slo.uid} ${JSON.stringify(slo.name)} (service ${slo.service}): ${percent(target)} over ${window}${method}, ` +
    `${describeSli(slo)}; ${tiers} alert tier${tiers === 1 ? '' : 's'}`
  );
}
