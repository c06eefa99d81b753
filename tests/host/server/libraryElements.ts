/**
 * Library elements (the app stores SLOs as library panels), in memory, with Grafana's rules: the
 * folder's permissions decide who may write, PATCH must carry the current version, and an element
 * that a dashboard uses cannot be deleted (pkg/services/libraryelements).
 */
import crypto from 'crypto';
import fs from 'fs';

import type { HostDashboard } from './dashboards';
import { type FolderStore, GENERAL_FOLDER_TITLE } from './folders';
import { type ApiRoute, type ApiResponse, fail, ok } from './routes';
import { type JsonObject, cloneJson, isRecord, numberAt, recordAt, stringAt } from './json';
import { type HostUser, accessDenied } from './users';

interface UserRef {
  id: number;
  name: string;
  avatarUrl: string;
}

interface LibraryElement {
  id: number;
  uid: string;
  name: string;
  kind: number;
  type: string;
  description: string;
  /** '' for the General folder. */
  folderUid: string;
  model: JsonObject;
  version: number;
  created: string;
  updated: string;
  createdBy: UserRef;
  updatedBy: UserRef;
}

export interface LibraryElementSeed {
  uid: string;
  name: string;
  folderUid: string;
  model: JsonObject;
}

const ALREADY_EXISTS = 'library element with that name or UID already exists';
const NOT_FOUND = 'library element could not be found';

/** A seed file is a JSON array of `{ uid, name, folderUid, model }`. */
export function readLibraryElementSeed(file: string): LibraryElementSeed[] {
  const document: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(document)) {
    throw new Error(`host: ${file} must hold an array of library elements`);
  }
  return document.map((entry, index) => {
    const uid = isRecord(entry) ? stringAt(entry, 'uid') : undefined;
    const name = isRecord(entry) ? stringAt(entry, 'name') : undefined;
    const model = isRecord(entry) ? recordAt(entry, 'model') : undefined;
    if (!isRecord(entry) || !uid || !name || !model) {
      throw new Error(`host: ${file}[${index}] needs uid, name and model`);
    }
    return { uid, name, folderUid: stringAt(entry, 'folderUid') ?? '', model };
  });
}

function userRef(user: HostUser): UserRef {
  return { id: user.id, name: user.login, avatarUrl: `/avatar/${user.uid}` };
}

/** Grafana keeps type and description in the model and the row in step (syncFieldsWithModel). */
function syncedModel(model: JsonObject, uid: string): { model: JsonObject; type: string; description: string } {
  const copy = cloneJson(model);
  const libraryPanel = recordAt(copy, 'libraryPanel');
  if (libraryPanel && 'uid' in libraryPanel) {
    libraryPanel.uid = uid;
  }
  copy.type = stringAt(copy, 'type') ?? '';
  copy.description = stringAt(copy, 'description') ?? '';
  return { model: copy, type: String(copy.type), description: String(copy.description) };
}

function shortUid(): string {
  return `e${crypto.randomBytes(8).toString('hex').slice(0, 13)}`;
}

function uidProblem(uid: string): string | undefined {
  if (!/^[a-zA-Z0-9_-]*$/.test(uid)) {
    return 'uid contains illegal characters';
  }
  return uid.length > 40 ? 'uid too long, max 40 characters' : undefined;
}

function compareNames(a: LibraryElement, b: LibraryElement): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export function libraryElementRoutes(
  folders: FolderStore,
  /** Provisioned and saved dashboards; a library panel they use is connected to them. */
  dashboards: HostDashboard[],
  seed: LibraryElementSeed[],
  startedAt: number
): ApiRoute[] {
  const elements = new Map<string, LibraryElement>();
  let nextId = 1;
  const seededBy = userRef({
    id: 1,
    uid: 'admin',
    login: 'admin',
    name: 'Admin',
    email: '',
    orgRole: 'Admin',
    isGrafanaAdmin: true,
  });
  for (const entry of seed) {
    if (entry.folderUid !== '' && !folders.get(entry.folderUid)) {
      throw new Error(
        `host: library element ${entry.uid} names folder ${entry.folderUid}, which the host does not have`
      );
    }
    const time = new Date(startedAt).toISOString();
    const synced = syncedModel(entry.model, entry.uid);
    elements.set(entry.uid, {
      ...entry,
      ...synced,
      id: nextId++,
      kind: 1,
      version: 1,
      created: time,
      updated: time,
      createdBy: seededBy,
      updatedBy: seededBy,
    });
  }

  const connections = (uid: string) => dashboards.filter((dashboard) => dashboard.libraryPanelUids.includes(uid));

  function dto(element: LibraryElement): JsonObject {
    const folder = folders.get(element.folderUid);
    return {
      id: element.id,
      orgId: 1,
      folderId: folder?.id ?? 0,
      folderUid: element.folderUid,
      uid: element.uid,
      name: element.name,
      kind: element.kind,
      type: element.type,
      description: element.description,
      model: element.model,
      version: element.version,
      meta: {
        folderName: folder?.title ?? GENERAL_FOLDER_TITLE,
        folderUid: element.folderUid,
        connectedDashboards: connections(element.uid).length,
        created: element.created,
        updated: element.updated,
        createdBy: element.createdBy,
        updatedBy: element.updatedBy,
      },
    };
  }

  const nameTaken = (name: string, folderUid: string, except: string) =>
    [...elements.values()].some(
      (other) => other.uid !== except && other.name === name && other.folderUid === folderUid
    );

  /** The folder a command names ('' for General), or Grafana's error answer. */
  function commandFolder(command: JsonObject, current: string): { uid: string } | ApiResponse {
    const folderUid = stringAt(command, 'folderUid');
    const folderId = numberAt(command, 'folderId');
    if (folderUid !== undefined) {
      return folderUid === '' || folders.get(folderUid) ? { uid: folderUid } : fail(400, 'failed to get folder');
    }
    if (folderId !== undefined && folderId >= 0) {
      const byId = folders.byId(folderId);
      return folderId === 0 ? { uid: '' } : byId ? { uid: byId.uid } : fail(404, 'folder not found');
    }
    return { uid: current };
  }

  return [
    {
      method: 'GET',
      specPath: '/library-elements',
      handle: ({ query }) => {
        const text = (query.get('searchString') ?? '').toLowerCase();
        const kind = query.get('kind');
        const types = (query.get('typeFilter') ?? '').split(',').filter(Boolean);
        const folderIds = (query.get('folderFilter') ?? '').split(',').filter(Boolean).map(Number);
        const folderUids = (query.get('folderFilterUIDs') ?? '')
          .split(',')
          .filter(Boolean)
          .map((uid) => (uid === 'general' ? '' : uid));
        const exclude = query.get('excludeUid');
        const perPage = Number(query.get('perPage')) > 0 ? Number(query.get('perPage')) : 100;
        const page = Number(query.get('page')) > 0 ? Number(query.get('page')) : 1;
        const matching = [...elements.values()]
          .filter(
            (element) =>
              (element.name.toLowerCase().includes(text) || element.description.toLowerCase().includes(text)) &&
              (!kind || element.kind === Number(kind)) &&
              (types.length === 0 || types.includes(element.type)) &&
              (folderIds.length === 0 || folderIds.includes(folders.get(element.folderUid)?.id ?? 0)) &&
              (folderUids.length === 0 || folderUids.includes(element.folderUid)) &&
              element.uid !== exclude
          )
          .sort((a, b) => (query.get('sortDirection') === 'alpha-desc' ? compareNames(b, a) : compareNames(a, b)));
        const pageElements = matching.slice((page - 1) * perPage, page * perPage).map(dto);
        return ok({ result: { totalCount: matching.length, page, perPage, elements: pageElements } });
      },
    },
    {
      method: 'GET',
      specPath: '/library-elements/{library_element_uid}',
      handle: ({ params }) => {
        const element = elements.get(params.library_element_uid);
        return element ? ok({ result: dto(element) }) : fail(404, NOT_FOUND);
      },
    },
    {
      method: 'GET',
      specPath: '/library-elements/name/{library_element_name}',
      handle: ({ params }) => {
        const named = [...elements.values()].filter((element) => element.name === params.library_element_name);
        return named.length > 0 ? ok({ result: named.map(dto) }) : fail(404, NOT_FOUND);
      },
    },
    {
      method: 'GET',
      specPath: '/library-elements/{library_element_uid}/connections/',
      handle: ({ params }) => {
        const element = elements.get(params.library_element_uid);
        if (!element) {
          return fail(404, NOT_FOUND);
        }
        const result = connections(element.uid).map((dashboard) => ({
          id: dashboard.id,
          kind: 1,
          elementId: element.id,
          connectionId: dashboard.id,
          connectionUid: dashboard.uid,
          created: element.created,
          createdBy: element.createdBy,
        }));
        return ok({ result });
      },
    },
    {
      method: 'POST',
      specPath: '/library-elements',
      handle: ({ body, user, now }) => {
        if (user.orgRole === 'Viewer') {
          return accessDenied('library.panels:create');
        }
        const command = isRecord(body) ? body : {};
        const folder = commandFolder(command, '');
        if (!('uid' in folder)) {
          return folder;
        }
        if (!folders.canEdit(user, folder.uid)) {
          return fail(403, 'access denied to folder');
        }
        const uid = stringAt(command, 'uid') || shortUid();
        const name = stringAt(command, 'name') ?? '';
        const problem = uidProblem(uid);
        if (problem) {
          return fail(400, problem);
        }
        if (elements.has(uid) || nameTaken(name, folder.uid, uid)) {
          return fail(400, ALREADY_EXISTS);
        }
        const time = new Date(now).toISOString();
        const synced = syncedModel(recordAt(command, 'model') ?? {}, uid);
        const element: LibraryElement = {
          ...synced,
          id: nextId++,
          uid,
          name,
          kind: numberAt(command, 'kind') ?? 1,
          folderUid: folder.uid,
          version: 1,
          created: time,
          updated: time,
          createdBy: userRef(user),
          updatedBy: userRef(user),
        };
        elements.set(uid, element);
        return ok({ result: dto(element) });
      },
    },
    {
      method: 'PATCH',
      specPath: '/library-elements/{library_element_uid}',
      handle: ({ params, body, user, now }) => {
        const existing = elements.get(params.library_element_uid);
        if (user.orgRole === 'Viewer' || (existing && !folders.canEdit(user, existing.folderUid))) {
          return accessDenied('library.panels:write');
        }
        if (!existing) {
          return fail(404, NOT_FOUND);
        }
        const command = isRecord(body) ? body : {};
        const folder = commandFolder(command, existing.folderUid);
        if (!('uid' in folder)) {
          return folder;
        }
        if (!folders.canEdit(user, folder.uid)) {
          return fail(403, 'access denied to folder');
        }
        if (numberAt(command, 'version') !== existing.version) {
          return fail(412, 'the library element has been changed by someone else');
        }
        const uid = stringAt(command, 'uid') || existing.uid;
        const name = stringAt(command, 'name') || existing.name;
        const problem = uid === existing.uid ? undefined : uidProblem(uid);
        if (problem) {
          return fail(400, problem);
        }
        if ((uid !== existing.uid && elements.has(uid)) || nameTaken(name, folder.uid, existing.uid)) {
          return fail(400, ALREADY_EXISTS);
        }
        const model = recordAt(command, 'model');
        const synced = model
          ? syncedModel(model, uid)
          : { model: existing.model, type: existing.type, description: existing.description };
        const updated: LibraryElement = {
          ...existing,
          ...synced,
          uid,
          name,
          folderUid: folder.uid,
          version: existing.version + 1,
          updated: new Date(now).toISOString(),
          updatedBy: userRef(user),
        };
        elements.delete(existing.uid);
        elements.set(uid, updated);
        return ok({ result: dto(updated) });
      },
    },
    {
      method: 'DELETE',
      specPath: '/library-elements/{library_element_uid}',
      handle: ({ params, user }) => {
        const existing = elements.get(params.library_element_uid);
        if (user.orgRole === 'Viewer' || (existing && !folders.canEdit(user, existing.folderUid))) {
          return accessDenied('library.panels:delete');
        }
        if (!existing) {
          return fail(404, NOT_FOUND);
        }
        if (connections(existing.uid).length > 0) {
          return fail(403, 'the library element has connections');
        }
        elements.delete(existing.uid);
        return ok({ message: 'Library element deleted', id: existing.id });
      },
    },
  ];
}
