/**
 * Grafana's answers (untyped JSON) read into typed values, following the definitions of
 * api-merged.json: LibraryElementDTO, LibraryElementSearchResult, FolderSearchHit, Folder,
 * LibraryElementConnectionDTO, Hit. A reader returns undefined when the shape is not Grafana's.
 */
import type { SloView } from '../panels/slo/types';
// The spec's files, not its index: the index also brings the YAML formats, which the store does not need.
import { libraryPanelToSlo } from '../spec/libraryPanel';
import type { SpecError } from '../spec/types';
import type { InvalidSlo, SloConnection, StoredSlo } from './types';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringAt(object: Json, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}

function numberAt(object: Json, key: string): number | undefined {
  const value = object[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function recordAt(object: Json, key: string): Json {
  const value = object[key];
  return isRecord(value) ? value : {};
}

/** Grafana wraps library element answers in `{ result }`. */
export function resultOf(data: unknown): unknown {
  return isRecord(data) ? data.result : undefined;
}

export interface SearchResult {
  totalCount: number;
  page: number;
  perPage: number;
  elements: unknown[];
}

export function readSearchResult(data: unknown): SearchResult | undefined {
  const result = resultOf(data);
  if (!isRecord(result) || !Array.isArray(result.elements)) {
    return undefined;
  }
  return {
    totalCount: numberAt(result, 'totalCount') ?? result.elements.length,
    page: numberAt(result, 'page') ?? 1,
    perPage: numberAt(result, 'perPage') ?? result.elements.length,
    elements: result.elements,
  };
}

const VIEWS: readonly SloView[] = ['summary', 'trend', 'budget', 'alerts'];

function viewOf(model: Json): SloView | undefined {
  const view = recordAt(model, 'options').view;
  return VIEWS.find((known) => known === view);
}

/** The version of a library element, which PATCH must carry. */
export function versionOf(element: unknown): number | undefined {
  const version = isRecord(element) ? numberAt(element, 'version') : undefined;
  return version !== undefined && Number.isInteger(version) && version > 0 ? version : undefined;
}

export interface ElementFacts {
  uid: string;
  name: string;
  folderUid: string;
  folderName?: string;
}

/** What is known of any library element, even one that is not an SLO. */
export function elementFacts(element: unknown): ElementFacts | undefined {
  if (!isRecord(element)) {
    return undefined;
  }
  const meta = recordAt(element, 'meta');
  return {
    uid: stringAt(element, 'uid') ?? '',
    name: stringAt(element, 'name') ?? '',
    folderUid: stringAt(element, 'folderUid') ?? stringAt(meta, 'folderUid') ?? '',
    folderName: stringAt(meta, 'folderName'),
  };
}

export type StoredSloResult = { ok: true; stored: StoredSlo } | ({ ok: false } & InvalidSlo);

/** A library element (LibraryElementDTO, unwrapped) as an SLO with Grafana's facts about it. */
export function readStoredSlo(element: unknown): StoredSloResult {
  const facts = elementFacts(element) ?? { uid: '', name: '', folderUid: '' };
  if (!isRecord(element)) {
    return { ok: false, ...facts, errors: [{ path: '', message: 'is not a library element' }] };
  }
  const read = libraryPanelToSlo(element);
  const version = versionOf(element);
  const errors: SpecError[] = read.ok ? [] : [...read.errors];
  if (version === undefined) {
    errors.push({ path: 'version', message: 'is missing: Grafana did not say which version of the SLO this is' });
  }
  if (!read.ok || version === undefined) {
    return { ok: false, uid: facts.uid, name: facts.name, errors };
  }
  const meta = recordAt(element, 'meta');
  return {
    ok: true,
    stored: {
      slo: read.slo,
      version,
      folderUid: facts.folderUid,
      folderName: facts.folderName,
      updated: stringAt(meta, 'updated'),
      updatedBy: stringAt(recordAt(meta, 'updatedBy'), 'name'),
      connectedDashboards: numberAt(meta, 'connectedDashboards'),
      view: viewOf(recordAt(element, 'model')),
    },
  };
}

/** LibraryElementConnectionsResponse: the dashboards using an element. */
export function readConnections(data: unknown): SloConnection[] | undefined {
  const result = resultOf(data);
  if (!Array.isArray(result)) {
    return undefined;
  }
  return result.filter(isRecord).map((connection) => ({
    dashboardUid: stringAt(connection, 'connectionUid'),
    dashboardId: numberAt(connection, 'connectionId') ?? 0,
  }));
}

export interface TitledHit {
  uid: string;
  title: string;
}

/** A list of FolderSearchHit (`GET /api/folders`) or Hit (`GET /api/search`): uid and title. */
export function readTitledHits(data: unknown): TitledHit[] | undefined {
  if (!Array.isArray(data)) {
    return undefined;
  }
  return data.filter(isRecord).flatMap((hit) => {
    const uid = stringAt(hit, 'uid');
    return uid === undefined ? [] : [{ uid, title: stringAt(hit, 'title') ?? uid }];
  });
}

/** A Folder (`GET /api/folders/:uid`): its title and whether the user may edit its content. */
export function readFolder(data: unknown): { uid: string; title: string; canEdit: boolean } | undefined {
  if (!isRecord(data)) {
    return undefined;
  }
  const uid = stringAt(data, 'uid');
  if (uid === undefined) {
    return undefined;
  }
  return { uid, title: stringAt(data, 'title') ?? uid, canEdit: data.canEdit === true };
}
