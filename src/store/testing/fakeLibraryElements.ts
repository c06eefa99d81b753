/**
 * Library elements in memory, with Grafana's rules and messages as the test host has them
 * (tests/host/server/libraryElements.ts): the folder's permissions decide who may write, PATCH
 * must carry the current version (412 otherwise), and a connected element cannot be deleted.
 */
import {
  accessDenied,
  type FakeAnswer,
  type FakeGrafana,
  type FakeRoute,
  type FakeUser,
  failWith,
  ok,
} from './fakeGrafana';

type Json = Record<string, unknown>;

export interface LibraryElement {
  id: number;
  uid: string;
  name: string;
  kind: number;
  type: string;
  description: string;
  folderUid: string;
  model: Json;
  version: number;
  created: string;
  updated: string;
  createdBy: FakeUser;
  updatedBy: FakeUser;
}

export interface LibraryElementState {
  elements: Map<string, LibraryElement>;
  nextId: number;
}

const ALREADY_EXISTS = 'library element with that name or UID already exists';
const NOT_FOUND = 'library element could not be found';

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const stringAt = (object: Json, key: string) => (typeof object[key] === 'string' ? String(object[key]) : undefined);
const numberAt = (object: Json, key: string) => (typeof object[key] === 'number' ? Number(object[key]) : undefined);

function userRef(user: FakeUser) {
  return { id: user.id, name: user.login, avatarUrl: `/avatar/${user.login}` };
}

/** Grafana keeps type and description of the model and the row in step. */
function synced(model: Json) {
  const copy: Json = {
    ...model,
    type: stringAt(model, 'type') ?? '',
    description: stringAt(model, 'description') ?? '',
  };
  return { model: copy, type: String(copy.type), description: String(copy.description) };
}

export function libraryElementRoutes(grafana: FakeGrafana): FakeRoute[] {
  const state = () => grafana.library;
  const connections = (uid: string) => grafana.dashboards.filter((board) => board.libraryPanelUids.includes(uid));

  function dto(element: LibraryElement): Json {
    const folder = grafana.folders.get(element.folderUid);
    const { id, uid, name, kind, type, description, folderUid, model, version } = element;
    return {
      ...{ id, orgId: 1, folderId: folder?.id ?? 0, folderUid, uid, name, kind, type, description, model, version },
      meta: {
        folderName: folder?.title ?? 'General',
        folderUid,
        connectedDashboards: connections(uid).length,
        created: element.created,
        updated: element.updated,
        createdBy: userRef(element.createdBy),
        updatedBy: userRef(element.updatedBy),
      },
    };
  }

  const nameTaken = (name: string, folderUid: string, except: string) =>
    [...state().elements.values()].some(
      (other) => other.uid !== except && other.name === name && other.folderUid === folderUid
    );

  function folderOf(command: Json, current: string): { uid: string } | FakeAnswer {
    const folderUid = stringAt(command, 'folderUid');
    if (folderUid === undefined) {
      return { uid: current };
    }
    return folderUid === '' || grafana.folders.has(folderUid)
      ? { uid: folderUid }
      : failWith(400, 'failed to get folder');
  }

  return [
    {
      method: 'GET',
      specPath: '/library-elements',
      handle: ({ query }) => {
        const text = (query.get('searchString') ?? '').toLowerCase();
        const kind = query.get('kind');
        const types = (query.get('typeFilter') ?? '').split(',').filter(Boolean);
        const folderUids = (query.get('folderFilterUIDs') ?? '')
          .split(',')
          .filter(Boolean)
          .map((uid) => (uid === 'general' ? '' : uid));
        const perPage = Number(query.get('perPage')) > 0 ? Number(query.get('perPage')) : 100;
        const page = Number(query.get('page')) > 0 ? Number(query.get('page')) : 1;
        const matching = [...state().elements.values()]
          .filter(
            (element) =>
              (element.name.toLowerCase().includes(text) || element.description.toLowerCase().includes(text)) &&
              (!kind || element.kind === Number(kind)) &&
              (types.length === 0 || types.includes(element.type)) &&
              (folderUids.length === 0 || folderUids.includes(element.folderUid))
          )
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const elements = matching.slice((page - 1) * perPage, page * perPage).map(dto);
        return ok({ result: { totalCount: matching.length, page, perPage, elements } });
      },
    },
    {
      method: 'GET',
      specPath: '/library-elements/{library_element_uid}',
      handle: ({ params }) => {
        const element = state().elements.get(params.library_element_uid);
        return element ? ok({ result: dto(element) }) : failWith(404, NOT_FOUND);
      },
    },
    {
      method: 'GET',
      specPath: '/library-elements/{library_element_uid}/connections/',
      handle: ({ params }) => {
        const element = state().elements.get(params.library_element_uid);
        if (!element) {
          return failWith(404, NOT_FOUND);
        }
        const result = connections(element.uid).map((board) => ({
          ...{ id: board.id, kind: 1, elementId: element.id, connectionId: board.id, connectionUid: board.uid },
          created: element.created,
          createdBy: userRef(element.createdBy),
        }));
        return ok({ result });
      },
    },
    {
      method: 'POST',
      specPath: '/library-elements',
      handle: ({ body, user, now }) => {
        if (user.role === 'Viewer') {
          return accessDenied('library.panels:create');
        }
        const command = isRecord(body) ? body : {};
        const folder = folderOf(command, '');
        if (!('uid' in folder)) {
          return folder;
        }
        if (!grafana.canEdit(folder.uid)) {
          return failWith(403, 'access denied to folder');
        }
        const uid = stringAt(command, 'uid') || `e${state().nextId}`;
        const name = stringAt(command, 'name') ?? '';
        if (state().elements.has(uid) || nameTaken(name, folder.uid, uid)) {
          return failWith(400, ALREADY_EXISTS);
        }
        const time = new Date(now).toISOString();
        const element: LibraryElement = {
          ...synced(isRecord(command.model) ? command.model : {}),
          ...{ id: state().nextId++, uid, name, kind: numberAt(command, 'kind') ?? 1, folderUid: folder.uid },
          ...{ version: 1, created: time, updated: time, createdBy: user, updatedBy: user },
        };
        state().elements.set(uid, element);
        return ok({ result: dto(element) });
      },
    },
    {
      method: 'PATCH',
      specPath: '/library-elements/{library_element_uid}',
      handle: ({ params, body, user, now }) => {
        const existing = state().elements.get(params.library_element_uid);
        if (user.role === 'Viewer' || (existing && !grafana.canEdit(existing.folderUid))) {
          return accessDenied('library.panels:write');
        }
        if (!existing) {
          return failWith(404, NOT_FOUND);
        }
        const command = isRecord(body) ? body : {};
        const folder = folderOf(command, existing.folderUid);
        if (!('uid' in folder)) {
          return folder;
        }
        if (!grafana.canEdit(folder.uid)) {
          return failWith(403, 'access denied to folder');
        }
        if (numberAt(command, 'version') !== existing.version) {
          return failWith(412, 'the library element has been changed by someone else');
        }
        const name = stringAt(command, 'name') || existing.name;
        if (nameTaken(name, folder.uid, existing.uid)) {
          return failWith(400, ALREADY_EXISTS);
        }
        const model = isRecord(command.model) ? synced(command.model) : {};
        const updated: LibraryElement = {
          ...existing,
          ...model,
          ...{ name, folderUid: folder.uid, version: existing.version + 1 },
          ...{ updated: new Date(now).toISOString(), updatedBy: user },
        };
        state().elements.set(existing.uid, updated);
        return ok({ result: dto(updated) });
      },
    },
    {
      method: 'DELETE',
      specPath: '/library-elements/{library_element_uid}',
      handle: ({ params, user }) => {
        const existing = state().elements.get(params.library_element_uid);
        if (user.role === 'Viewer' || (existing && !grafana.canEdit(existing.folderUid))) {
          return accessDenied('library.panels:delete');
        }
        if (!existing) {
          return failWith(404, NOT_FOUND);
        }
        if (connections(existing.uid).length > 0) {
          return failWith(403, 'the library element has connections');
        }
        state().elements.delete(existing.uid);
        return ok({ message: 'Library element deleted', id: existing.id });
      },
    },
  ];
}
