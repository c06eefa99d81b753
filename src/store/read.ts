/** Listing and loading SLOs: library panels of the Nines SLO panel type. */
import { LIBRARY_PANEL_KIND, SLO_PANEL_TYPE } from '../spec/libraryPanelModel';
import { commonFailure, fail, type StoreResult, succeed, unexpectedAnswer } from './errors';
import { ELEMENTS, getElement } from './elements';
import { type QueryValue, send, type StoreRequest } from './http';
import { readSearchResult, readStoredSlo } from './parse';
import type { InvalidSlo, ListSlosQuery, SloPage, StoredSlo } from './types';

/** Grafana's default page size of the library element list. */
export const DEFAULT_PER_PAGE = 100;

function listRequest(query: ListSlosQuery): StoreRequest {
  const params: Record<string, QueryValue> = {
    kind: LIBRARY_PANEL_KIND,
    // Grafana's own library panel browser sends these two: the panel type filter and a stable order.
    typeFilter: SLO_PANEL_TYPE,
    sortDirection: 'alpha-asc',
    page: query.page ?? 1,
    perPage: query.perPage ?? DEFAULT_PER_PAGE,
  };
  if (query.searchString) {
    params.searchString = query.searchString;
  }
  if (query.folderUids && query.folderUids.length > 0) {
    // Grafana names the General folder `general` in this filter ('' elsewhere).
    params.folderFilterUIDs = query.folderUids.map((uid) => (uid === '' ? 'general' : uid)).join(',');
  }
  return { method: 'GET', url: ELEMENTS, params };
}

/**
 * One page of SLOs (`GET /api/library-elements`), by name. A library panel of the SLO type that
 * does not read as an SLO is listed in `invalid` with its problems, never left out.
 */
export async function listSlos(query: ListSlosQuery = {}): Promise<StoreResult<SloPage>> {
  const request = listRequest(query);
  const answer = await send(request);
  if (!answer.ok) {
    return fail(commonFailure(answer, request, 'load the SLOs'));
  }
  const result = readSearchResult(answer.data);
  if (!result) {
    return fail(unexpectedAnswer(request, 'load the SLOs', 'a list of library panels'));
  }
  const slos: StoredSlo[] = [];
  const invalid: InvalidSlo[] = [];
  for (const element of result.elements) {
    const read = readStoredSlo(element);
    if (read.ok) {
      slos.push(read.stored);
    } else {
      invalid.push({ uid: read.uid, name: read.name, errors: read.errors });
    }
  }
  return succeed({ totalCount: result.totalCount, page: result.page, perPage: result.perPage, slos, invalid });
}

/** Every page of `listSlos`, for views that show all SLOs at once (the overview). */
export async function listAllSlos(query: Omit<ListSlosQuery, 'page'> = {}): Promise<StoreResult<SloPage>> {
  const perPage = query.perPage ?? DEFAULT_PER_PAGE;
  const all: SloPage = { totalCount: 0, page: 1, perPage, slos: [], invalid: [] };
  for (let page = 1; ; page++) {
    const listed = await listSlos({ ...query, page, perPage });
    if (!listed.ok) {
      return listed;
    }
    all.totalCount = listed.value.totalCount;
    all.slos.push(...listed.value.slos);
    all.invalid.push(...listed.value.invalid);
    const count = listed.value.slos.length + listed.value.invalid.length;
    if (count === 0 || all.slos.length + all.invalid.length >= all.totalCount) {
      all.perPage = Math.max(perPage, all.slos.length + all.invalid.length);
      return succeed(all);
    }
  }
}

/** One SLO (`GET /api/library-elements/:uid`) with the version to save it against. */
export async function getSlo(uid: string): Promise<StoreResult<StoredSlo>> {
  const element = await getElement(uid);
  if (!element.ok) {
    return element;
  }
  const read = readStoredSlo(element.value);
  if (read.ok) {
    return succeed(read.stored);
  }
  const [first] = read.errors;
  const more = read.errors.length > 1 ? ` (and ${read.errors.length - 1} more problems)` : '';
  return fail({
    kind: 'invalid',
    errors: read.errors,
    message: `The library panel "${read.name || uid}" does not read as an SLO: ${first.path} ${first.message}${more}. Fix it in its panel editor, or overwrite it with a valid SLO.`,
  });
}
