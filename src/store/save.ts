/**
 * Saving SLOs as library panels: validated first (nothing is sent for an invalid SLO), created with
 * POST, updated with PATCH against the version the editor read, so that nobody's changes are lost
 * unseen. The caller's SLO is never changed.
 */
import { sloToLibraryPanel } from '../spec/libraryPanel';
import type { LibraryPanelOptions } from '../spec/libraryPanelModel';
import type { SloSpec } from '../spec/types';
import { validateSlo } from '../spec/validate';
import { commonFailure, fail, plural, type StoreError, type StoreResult, succeed, unexpectedAnswer } from './errors';
import { ELEMENTS, elementUrl, factsOf, getElement } from './elements';
import { folderTitle } from './folders';
import { type HttpFailure, send, type StoreRequest } from './http';
import { resultOf, readStoredSlo, versionOf } from './parse';
import { getSlo } from './read';
import type { StoredSlo } from './types';

/** What Grafana says (pkg/services/libraryelements) when a save breaks one of its rules. */
const ALREADY_EXISTS = 'library element with that name or UID already exists';
const NO_SUCH_FOLDER = 'failed to get folder';

function validated(slo: SloSpec): StoreResult<SloSpec> {
  const result = validateSlo(slo);
  if (result.ok) {
    return succeed(result.slo);
  }
  const count = plural(result.errors.length, 'problem');
  return fail({
    kind: 'invalid',
    errors: result.errors,
    message: `The SLO "${slo.name}" has ${count} to fix before it can be saved.`,
  });
}

async function stored(request: StoreRequest, data: unknown, doing: string): Promise<StoreResult<StoredSlo>> {
  const read = readStoredSlo(resultOf(data));
  return read.ok ? succeed(read.stored) : fail(unexpectedAnswer(request, doing, 'the saved SLO'));
}

/** A save Grafana refused, in the user's words: the field to change, or the folder to ask for. */
async function saveFailure(answer: HttpFailure, request: StoreRequest, slo: SloSpec, doing: string) {
  const server = { status: answer.status, serverMessage: answer.message };
  const creating = request.method === 'POST';
  if (answer.status === 400 && answer.message === ALREADY_EXISTS) {
    const uidTaken = creating && (await getElement(slo.uid)).ok;
    const folder = await folderTitle(slo.folderUid);
    const error: StoreError = uidTaken
      ? {
          kind: 'invalid',
          ...server,
          errors: [{ path: 'uid', message: 'is taken by another SLO or library panel' }],
          message: `An SLO or library panel with the uid "${slo.uid}" exists already: choose another uid.`,
        }
      : {
          kind: 'invalid',
          ...server,
          errors: [{ path: 'name', message: `is taken by another library panel in folder "${folder}"` }],
          message: `Folder "${folder}" already has a library panel called "${slo.name}": choose another name.`,
        };
    return error;
  }
  if (answer.status === 400 && answer.message === NO_SUCH_FOLDER) {
    return {
      kind: 'invalid',
      ...server,
      errors: [{ path: 'folderUid', message: `names no folder: "${slo.folderUid}" does not exist` }],
      message: `The folder "${slo.folderUid}" does not exist (any more): choose another folder.`,
    } satisfies StoreError;
  }
  if (answer.status === 400) {
    return {
      kind: 'invalid',
      ...server,
      errors: [{ path: '', message: answer.message }],
      message: `Grafana refused to ${doing}: "${answer.message}".`,
    } satisfies StoreError;
  }
  if (answer.status === 403) {
    // Grafana checks the folder the SLO is in and, when it moves, the folder it moves to.
    const current = creating ? undefined : await factsOf(slo.uid);
    const target = await folderTitle(slo.folderUid);
    const source = current ? (current.folderName ?? (await folderTitle(current.folderUid))) : target;
    const moving = current !== undefined && current.folderUid !== slo.folderUid;
    return {
      kind: 'forbidden',
      ...server,
      folderUid: current?.folderUid ?? slo.folderUid,
      folderName: source,
      message: moving
        ? `You may not move SLOs from folder "${source}" to "${target}": ask an admin for Edit permission on both.`
        : `You may not edit SLOs in folder "${source}": ask an admin for Edit permission on it.`,
    } satisfies StoreError;
  }
  if (answer.status === 404 && !creating) {
    return {
      kind: 'notFound',
      uid: slo.uid,
      ...server,
      message: `The SLO "${slo.name}" was deleted by someone else: save it as a new SLO to keep it.`,
    } satisfies StoreError;
  }
  return commonFailure(answer, request, doing);
}

/** Saves a new SLO (`POST /api/library-elements`) in its folder. */
export async function createSlo(slo: SloSpec, options: LibraryPanelOptions = {}): Promise<StoreResult<StoredSlo>> {
  const valid = validated(slo);
  if (!valid.ok) {
    return valid;
  }
  const doing = `save the new SLO "${slo.name}"`;
  const request: StoreRequest = { method: 'POST', url: ELEMENTS, data: sloToLibraryPanel(valid.value, options) };
  const answer = await send(request);
  return answer.ok ? stored(request, answer.data, doing) : fail(await saveFailure(answer, request, slo, doing));
}

async function patch(slo: SloSpec, version: number, options: LibraryPanelOptions): Promise<StoreResult<StoredSlo>> {
  const doing = `save the SLO "${slo.name}"`;
  const request: StoreRequest = {
    method: 'PATCH',
    url: elementUrl(slo.uid),
    data: { ...sloToLibraryPanel(slo, options), version },
  };
  const answer = await send(request);
  if (answer.ok) {
    return stored(request, answer.data, doing);
  }
  if (answer.status !== 412) {
    return fail(await saveFailure(answer, request, slo, doing));
  }
  const current = await getSlo(slo.uid);
  const intro = `Someone else saved "${slo.name}" after you opened it (you edited version ${version}`;
  if (!current.ok) {
    return fail({
      kind: 'conflict',
      uid: slo.uid,
      status: answer.status,
      serverMessage: answer.message,
      message: `${intro}), and their version could not be loaded: ${current.error.message} Reload the SLO, or overwrite it with yours.`,
    });
  }
  const by = current.value.updatedBy ? ` by ${current.value.updatedBy}` : '';
  return fail({
    kind: 'conflict',
    uid: slo.uid,
    current: current.value,
    status: answer.status,
    serverMessage: answer.message,
    message: `${intro}; Grafana has version ${current.value.version}${by}). Compare their changes with yours, then reload theirs or overwrite them with yours.`,
  });
}

/**
 * Saves an SLO over the version the editor read (`PATCH` with `version`). When someone else saved
 * in between, the error is a `conflict` carrying their SLO; the caller's SLO is untouched, to
 * reload or to `overwriteSlo` knowingly.
 */
export async function updateSlo(
  slo: SloSpec,
  version: number,
  options: LibraryPanelOptions = {}
): Promise<StoreResult<StoredSlo>> {
  const valid = validated(slo);
  return valid.ok ? patch(valid.value, version, options) : valid;
}

/** Saves an SLO over whatever Grafana has now: the user's explicit choice after a conflict. */
export async function overwriteSlo(slo: SloSpec, options: LibraryPanelOptions = {}): Promise<StoreResult<StoredSlo>> {
  const valid = validated(slo);
  if (!valid.ok) {
    return valid;
  }
  // The raw element, not getSlo: overwriting must work when the server's copy no longer reads as an SLO.
  const current = await getElement(slo.uid);
  if (!current.ok) {
    return current.error.kind === 'notFound'
      ? fail({
          ...current.error,
          message: `The SLO "${slo.name}" was deleted by someone else: save it as a new SLO to keep it.`,
        })
      : current;
  }
  const version = versionOf(current.value);
  if (version === undefined) {
    return fail(
      unexpectedAnswer({ method: 'GET', url: elementUrl(slo.uid) }, `overwrite "${slo.name}"`, 'a library element')
    );
  }
  return patch(valid.value, version, options);
}
