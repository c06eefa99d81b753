/**
 * Reads a file to import: OpenSLO v1 or Sloth `prometheus/v1` YAML, told apart by Sloth's
 * top-level `version`. Either gives every SLO of the file, or every problem with its path and
 * none of the SLOs.
 */
import { parseAllDocuments } from 'yaml';

import type { LocatedError } from './errorPaths';
import { openSloToSlo } from './openslo';
import { isRecord } from './read';
import { SLOTH_VERSION, slothToSlo } from './sloth';
import type { DataSourceRef, SloSpec } from './types';

export type ImportFormat = 'openslo' | 'sloth';

export const IMPORT_FORMAT_NAMES: Record<ImportFormat, string> = {
  openslo: 'OpenSLO v1',
  sloth: `Sloth ${SLOTH_VERSION}`,
};

export interface ImportFileOptions {
  /** The datasource of SLIs that name none (every Sloth SLO, OpenSLO metric sources without a ref). */
  datasource?: DataSourceRef;
}

export type ImportFile =
  | { ok: true; format: ImportFormat; slos: SloSpec[]; notes: LocatedError[] }
  | { ok: false; format: ImportFormat; errors: LocatedError[]; notes: LocatedError[] };

/** Sloth when a document says `version: prometheus/v1`; OpenSLO otherwise (its errors then explain). */
export function importFormatOf(yamlText: string): ImportFormat {
  const sloth = parseAllDocuments(yamlText).some((document) => {
    if (document.errors.length > 0) {
      return false;
    }
    const value: unknown = document.toJS();
    return isRecord(value) && value.version === SLOTH_VERSION;
  });
  return sloth ? 'sloth' : 'openslo';
}

export function readImportFile(yamlText: string, options: ImportFileOptions = {}): ImportFile {
  if (yamlText.trim() === '') {
    return {
      ok: false,
      format: 'openslo',
      errors: [{ path: '', message: 'is empty: paste OpenSLO or Sloth YAML, or choose a file' }],
      notes: [],
    };
  }
  const format = importFormatOf(yamlText);
  if (format === 'sloth') {
    const read = slothToSlo(yamlText, options);
    return read.ok
      ? { ok: true, format, slos: read.slos, notes: read.notes }
      : { ok: false, format, errors: read.errors, notes: read.notes };
  }
  const read = openSloToSlo(yamlText, options);
  return read.ok
    ? { ok: true, format, slos: read.slos, notes: [] }
    : { ok: false, format, errors: read.errors, notes: [] };
}

/** `document 2: spec.objectives[0].target: must be …`, as the import lists problems. */
export function describeLocatedError(error: LocatedError): string {
  const where = [error.document === undefined ? '' : `document ${error.document + 1}`, error.path]
    .filter((part) => part !== '')
    .join(': ');
  return where === '' ? error.message : `${where}: ${error.message}`;
}
