/**
 * Folders and who may edit them. Two are seeded: `slos`, which Editors may edit (Grafana's default
 * folder permissions), and `platform`, which only Admins may edit. Library panels and alert rules
 * live in folders, so these permissions decide who may write them.
 */
import { type ApiRoute, fail, ok } from './routes';
import { type JsonObject, isRecord, stringAt } from './json';
import { type HostUser, type OrgRole, accessDenied } from './users';

export interface Folder {
  id: number;
  uid: string;
  title: string;
  /** Roles besides Admin that may edit the folder's content. */
  editRoles: OrgRole[];
  created: string;
  createdBy: string;
}

/** The General folder holds what has no folder; its uid is '' in library element answers. */
export const GENERAL_FOLDER_TITLE = 'General';

export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A folder's page in Grafana, also the folderUrl of what it holds. */
export function folderUrl(folder: Folder): string {
  return `/dashboards/f/${folder.uid}/${slugify(folder.title)}`;
}

export class FolderStore {
  private readonly folders = new Map<string, Folder>();
  private nextId = 1;

  constructor(now: number) {
    const created = new Date(now).toISOString();
    this.add({ uid: 'slos', title: 'SLOs', editRoles: ['Editor'], created, createdBy: 'admin' });
    this.add({ uid: 'platform', title: 'Platform', editRoles: [], created, createdBy: 'admin' });
  }

  add(folder: Omit<Folder, 'id'>): Folder {
    const stored = { ...folder, id: this.nextId++ };
    this.folders.set(stored.uid, stored);
    return stored;
  }

  /** Dashboards share Grafana's id sequence with folders. */
  takeId(): number {
    return this.nextId++;
  }

  get(uid: string): Folder | undefined {
    return this.folders.get(uid);
  }

  byId(id: number): Folder | undefined {
    return [...this.folders.values()].find((folder) => folder.id === id);
  }

  list(): Folder[] {
    return [...this.folders.values()].sort((a, b) => (a.title < b.title ? -1 : 1));
  }

  /** '' or 'general' is the General folder, which Editors may edit. */
  canEdit(user: HostUser, folderUid: string): boolean {
    if (user.orgRole === 'Admin') {
      return true;
    }
    if (folderUid === '' || folderUid === 'general') {
      return user.orgRole === 'Editor';
    }
    return this.get(folderUid)?.editRoles.includes(user.orgRole) ?? false;
  }
}

function folderDto(folders: FolderStore, folder: Folder, user: HostUser): JsonObject {
  const canEdit = folders.canEdit(user, folder.uid);
  return {
    id: folder.id,
    uid: folder.uid,
    orgId: 1,
    title: folder.title,
    url: folderUrl(folder),
    hasAcl: false,
    canSave: canEdit,
    canEdit,
    canAdmin: user.orgRole === 'Admin',
    canDelete: canEdit && user.orgRole !== 'Viewer',
    createdBy: folder.createdBy,
    created: folder.created,
    updatedBy: folder.createdBy,
    updated: folder.created,
    version: 1,
    parents: [],
  };
}

export function folderRoutes(folders: FolderStore): ApiRoute[] {
  return [
    {
      method: 'GET',
      specPath: '/folders',
      handle: ({ query, user }) => {
        const limit = Number(query.get('limit') ?? 1000);
        const page = Math.max(1, Number(query.get('page') ?? 1));
        const nested = (query.get('parentUid') ?? '') !== '';
        const editable = query.get('permission') === 'Edit';
        const hits = nested ? [] : folders.list().filter((folder) => !editable || folders.canEdit(user, folder.uid));
        return ok(hits.slice((page - 1) * limit, page * limit).map(({ id, uid, title }) => ({ id, uid, title })));
      },
    },
    {
      method: 'GET',
      specPath: '/folders/{folder_uid}',
      handle: ({ params, user }) => {
        const folder = folders.get(params.folder_uid);
        return folder ? ok(folderDto(folders, folder, user)) : fail(404, 'folder not found');
      },
    },
    {
      method: 'POST',
      specPath: '/folders',
      handle: ({ body, user, now }) => {
        if (user.orgRole === 'Viewer') {
          return accessDenied('folders:create');
        }
        const command = isRecord(body) ? body : {};
        const title = stringAt(command, 'title') ?? '';
        const uid = stringAt(command, 'uid') || `f${now.toString(36)}${folders.list().length}`;
        if (title.trim() === '') {
          return fail(400, 'folder title cannot be empty');
        }
        if ((stringAt(command, 'parentUid') ?? '') !== '') {
          return fail(400, 'host: nested folders are not supported');
        }
        if (!/^[a-zA-Z0-9_-]{1,40}$/.test(uid)) {
          return fail(400, 'invalid uid for folder provided');
        }
        if (folders.get(uid)) {
          return fail(409, 'a folder/dashboard with the same uid already exists');
        }
        const folder = folders.add({
          uid,
          title,
          editRoles: ['Editor'],
          created: new Date(now).toISOString(),
          createdBy: user.login,
        });
        return ok(folderDto(folders, folder, user));
      },
    },
  ];
}
