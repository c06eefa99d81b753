/**
 * Folders an SLO can live in. Library panels take their permissions from their folder, so the
 * editor offers the folders with `canEdit` and names the folder when Grafana refuses a save.
 */
import { commonFailure, fail, GENERAL_FOLDER_TITLE, succeed, type StoreResult, unexpectedAnswer } from './errors';
import { send, type StoreRequest } from './http';
import { canWriteSlos } from './permissions';
import { readFolder, readTitledHits, type TitledHit } from './parse';
import type { GrafanaFolder } from './types';

const FOLDERS = '/api/folders';
/** Grafana's default and largest page of `GET /api/folders`. */
const FOLDER_PAGE = 1000;
/** Folder lookups in flight at once, so that many folders do not flood Grafana. */
const PARALLEL_LOOKUPS = 6;

export const folderUrl = (uid: string) => `${FOLDERS}/${encodeURIComponent(uid)}`;

/** A folder's title for messages; the uid when Grafana does not say. Never fails. */
export async function folderTitle(uid: string): Promise<string> {
  if (uid === '' || uid === 'general') {
    return GENERAL_FOLDER_TITLE;
  }
  const answer = await send({ method: 'GET', url: folderUrl(uid) });
  return (answer.ok ? readFolder(answer.data)?.title : undefined) ?? uid;
}

async function folderHits(): Promise<StoreResult<TitledHit[]>> {
  const hits: TitledHit[] = [];
  for (let page = 1; ; page++) {
    const request: StoreRequest = { method: 'GET', url: FOLDERS, params: { limit: FOLDER_PAGE, page } };
    const answer = await send(request);
    if (!answer.ok) {
      return fail(commonFailure(answer, request, 'load the folders'));
    }
    const pageHits = readTitledHits(answer.data);
    if (!pageHits) {
      return fail(unexpectedAnswer(request, 'load the folders', 'a list of folders'));
    }
    hits.push(...pageHits);
    if (pageHits.length < FOLDER_PAGE) {
      return succeed(hits);
    }
  }
}

/** One folder with `canEdit`; a folder the user may not open (403, 404) is not editable. */
async function folderWithPermission(hit: TitledHit): Promise<StoreResult<GrafanaFolder>> {
  const request: StoreRequest = { method: 'GET', url: folderUrl(hit.uid) };
  const answer = await send(request);
  if (answer.ok) {
    const folder = readFolder(answer.data);
    return succeed({ uid: hit.uid, title: folder?.title ?? hit.title, canEdit: folder?.canEdit ?? false });
  }
  if (answer.status === 403 || answer.status === 404) {
    return succeed({ ...hit, canEdit: false });
  }
  return fail(commonFailure(answer, request, `check your permissions on folder "${hit.title}"`));
}

/**
 * The General folder (no entry in the folder API: Grafana lets users who may create library
 * panels save there) and the top-level folders the user can see (`GET /api/folders`), each with
 * whether the user may save SLOs in it (`canEdit` of `GET /api/folders/:uid`: the list has no
 * permissions, and its `permission=Edit` filter is not in every Grafana version Nines supports).
 */
export async function listFolders(): Promise<StoreResult<GrafanaFolder[]>> {
  const hits = await folderHits();
  if (!hits.ok) {
    return hits;
  }
  const folders: GrafanaFolder[] = [{ uid: '', title: GENERAL_FOLDER_TITLE, canEdit: canWriteSlos() }];
  for (let start = 0; start < hits.value.length; start += PARALLEL_LOOKUPS) {
    const batch = await Promise.all(hits.value.slice(start, start + PARALLEL_LOOKUPS).map(folderWithPermission));
    for (const folder of batch) {
      if (!folder.ok) {
        return folder;
      }
      folders.push(folder.value);
    }
  }
  return succeed(folders);
}
