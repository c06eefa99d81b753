/**
 * Dashboards: the provisioned ones, read like Grafana's file provider reads them (the provider
 * file provisioning/dashboards/dashboards.yaml names a folder and a path inside the container,
 * /etc/grafana/provisioning/..., which the host maps to its local provisioning folder), and the
 * ones saved through `POST /api/dashboards/db`, in memory beside them, with Grafana's rules: the
 * folder decides who may save, a save must carry the version it read (412 version-mismatch), and
 * a provisioned dashboard is not saved unless its provider allows UI updates. The library panels a
 * dashboard uses are connected to it (see libraryElements.ts), so Grafana keeps them.
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import YAML from 'yaml';

import { type Folder, type FolderStore, GENERAL_FOLDER_TITLE, folderUrl, slugify } from './folders';
import { type ApiResponse, type ApiRoute, fail, ok } from './routes';
import { type JsonObject, arrayAt, booleanAt, isRecord, numberAt, recordAt, stringAt } from './json';
import { type HostUser, accessDenied } from './users';

/** Where docker-compose mounts the provisioning folder in the Grafana container. */
const CONTAINER_PROVISIONING = '/etc/grafana/provisioning';

export interface HostDashboard {
  id: number;
  uid: string;
  title: string;
  folder: Folder | undefined;
  /** Set for a dashboard of a file provider. */
  provisioned?: {
    /** The file name relative to the provider path, Grafana's provisionedExternalId. */
    file: string;
    /** The provider's allowUiUpdates: whether the API may save the dashboard. */
    allowUiUpdates: boolean;
  };
  dashboard: JsonObject;
  tags: string[];
  libraryPanelUids: string[];
  version: number;
  created: string;
  updated: string;
  createdBy: string;
  updatedBy: string;
}

function jsonFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) {
    return [];
  }
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(folder, entry.name);
      return entry.isDirectory() ? jsonFiles(full) : entry.name.endsWith('.json') ? [full] : [];
    })
    .sort();
}

/** Library panel uids used by a dashboard, in rows too. */
function libraryPanelUids(panels: unknown[]): string[] {
  return panels.filter(isRecord).flatMap((panel) => {
    const uid = stringAt(recordAt(panel, 'libraryPanel') ?? {}, 'uid');
    return [...(uid ? [uid] : []), ...libraryPanelUids(arrayAt(panel, 'panels') ?? [])];
  });
}

function tagsOf(dashboard: JsonObject): string[] {
  return (arrayAt(dashboard, 'tags') ?? []).filter((tag): tag is string => typeof tag === 'string');
}

function providerFolder(folders: FolderStore, provider: JsonObject, now: number): Folder | undefined {
  const title = stringAt(provider, 'folder') ?? '';
  const uid = stringAt(provider, 'folderUid') ?? (title ? slugify(title) : '');
  if (!uid) {
    return undefined;
  }
  return (
    folders.get(uid) ??
    folders.add({
      uid,
      title: title || uid,
      editRoles: ['Editor'],
      created: new Date(now).toISOString(),
      createdBy: 'provisioning',
    })
  );
}

export function readDashboards(provisioningDir: string, folders: FolderStore, now: number): HostDashboard[] {
  const providerFile = path.join(provisioningDir, 'dashboards', 'dashboards.yaml');
  if (!fs.existsSync(providerFile)) {
    return [];
  }
  const document: unknown = YAML.parse(fs.readFileSync(providerFile, 'utf8'));
  const providers = (isRecord(document) ? arrayAt(document, 'providers') : undefined) ?? [];
  const dashboards: HostDashboard[] = [];
  const time = new Date(now).toISOString();
  for (const provider of providers
    .filter(isRecord)
    .filter((candidate) => (stringAt(candidate, 'type') ?? 'file') === 'file')) {
    const configured = stringAt(recordAt(provider, 'options') ?? {}, 'path') ?? '';
    const local = configured.startsWith(CONTAINER_PROVISIONING)
      ? path.join(provisioningDir, configured.slice(CONTAINER_PROVISIONING.length))
      : configured;
    const folder = providerFolder(folders, provider, now);
    const allowUiUpdates = booleanAt(provider, 'allowUiUpdates') ?? false;
    for (const file of jsonFiles(local)) {
      const dashboard: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (!isRecord(dashboard)) {
        throw new Error(`host: ${file} is not a dashboard object`);
      }
      const title = stringAt(dashboard, 'title') ?? path.basename(file, '.json');
      dashboards.push({
        id: folders.takeId(),
        uid: stringAt(dashboard, 'uid') ?? slugify(path.basename(file, '.json')),
        title,
        folder,
        provisioned: { file: path.relative(local, file), allowUiUpdates },
        dashboard,
        tags: tagsOf(dashboard),
        libraryPanelUids: libraryPanelUids(arrayAt(dashboard, 'panels') ?? []),
        version: 1,
        created: time,
        updated: time,
        createdBy: 'Anonymous',
        updatedBy: 'Anonymous',
      });
    }
  }
  return dashboards;
}

function url(dashboard: HostDashboard): string {
  return `/d/${dashboard.uid}/${slugify(dashboard.title)}`;
}

function searchHit(dashboard: HostDashboard): JsonObject {
  const folder = dashboard.folder;
  return {
    id: dashboard.id,
    uid: dashboard.uid,
    orgId: 1,
    title: dashboard.title,
    uri: `db/${slugify(dashboard.title)}`,
    url: url(dashboard),
    slug: '',
    type: 'dash-db',
    tags: dashboard.tags,
    isStarred: false,
    sortMeta: 0,
    isDeleted: false,
    ...(folder
      ? {
          folderId: folder.id,
          folderUid: folder.uid,
          folderTitle: folder.title,
          folderUrl: folderUrl(folder),
        }
      : {}),
  };
}

function folderHit(folder: Folder): JsonObject {
  return {
    id: folder.id,
    uid: folder.uid,
    orgId: 1,
    title: folder.title,
    uri: `db/${slugify(folder.title)}`,
    url: folderUrl(folder),
    slug: '',
    type: 'dash-folder',
    tags: [],
    isStarred: false,
    sortMeta: 0,
    isDeleted: false,
  };
}

/** Grafana's dashboard errors carry a status besides the message (DashboardErr.Body). */
function failWithStatus(status: number, message: string, reason: string): ApiResponse {
  return { status, body: { message, status: reason } };
}

function uidProblem(uid: string): string | undefined {
  if (!/^[a-zA-Z0-9_-]*$/.test(uid)) {
    return 'uid contains illegal characters';
  }
  return uid.length > 40 ? 'uid too long, max 40 characters' : undefined;
}

/**
 * `POST /api/dashboards/db` (SaveDashboardCommand), in the order Grafana checks: the title, the
 * folder, the uid, the version read (unless `overwrite`), the user's permission in the old and the
 * new folder, and last whether a file provisions the dashboard.
 */
function saveDashboard(
  dashboards: HostDashboard[],
  folders: FolderStore,
  command: JsonObject,
  user: HostUser,
  now: number
): ApiResponse {
  const model = recordAt(command, 'dashboard') ?? {};
  const title = (stringAt(model, 'title') ?? '').trim();
  if (title === '') {
    return failWithStatus(400, 'Dashboard title cannot be empty', 'empty-name');
  }
  if ((stringAt(command, 'message') ?? '').length > 500) {
    return fail(400, 'message too long, max 500 characters');
  }
  const folderUid = stringAt(command, 'folderUid') ?? '';
  const folder = folderUid === '' ? undefined : folders.get(folderUid);
  if (folderUid !== '' && !folder) {
    return fail(400, 'folder not found');
  }
  const uid = stringAt(model, 'uid') || crypto.randomBytes(7).toString('hex');
  const problem = uidProblem(uid);
  if (problem) {
    return fail(400, problem);
  }
  const existing = dashboards.find((dashboard) => dashboard.uid === uid);
  const id = numberAt(model, 'id');
  if (!existing && id !== undefined && id > 0) {
    return failWithStatus(404, 'Dashboard not found', 'not-found');
  }
  if (existing && booleanAt(command, 'overwrite') !== true && numberAt(model, 'version') !== existing.version) {
    return failWithStatus(412, 'The dashboard has been changed by someone else', 'version-mismatch');
  }
  if (!folders.canEdit(user, folderUid) || (existing && !folders.canEdit(user, existing.folder?.uid ?? ''))) {
    return fail(403, 'Access denied to save dashboard');
  }
  if (existing?.provisioned && !existing.provisioned.allowUiUpdates) {
    return fail(400, 'Cannot save provisioned dashboard');
  }
  const time = new Date(now).toISOString();
  const version = existing ? existing.version + 1 : 1;
  const savedId = existing?.id ?? folders.takeId();
  const saved: HostDashboard = {
    id: savedId,
    uid,
    title,
    folder,
    provisioned: existing?.provisioned,
    dashboard: { ...model, id: savedId, uid, title, version },
    tags: tagsOf(model),
    libraryPanelUids: libraryPanelUids(arrayAt(model, 'panels') ?? []),
    version,
    created: existing?.created ?? time,
    updated: time,
    createdBy: existing?.createdBy ?? user.login,
    updatedBy: user.login,
  };
  if (existing) {
    dashboards.splice(dashboards.indexOf(existing), 1, saved);
  } else {
    dashboards.push(saved);
  }
  return ok({ id: saved.id, uid, url: url(saved), status: 'success', version, slug: slugify(title), title, folderUid });
}

/**
 * `DELETE /api/dashboards/uid/:uid` in the order Grafana checks: the dashboard, the user's
 * `dashboards:delete` on its folder, and whether a file provisions it (400, Grafana's
 * ErrDashboardCannotDeleteProvisionedDashboard). The library panels it used lose the connection.
 */
function deleteDashboard(dashboards: HostDashboard[], folders: FolderStore, uid: string, user: HostUser): ApiResponse {
  const found = dashboards.find((dashboard) => dashboard.uid === uid);
  if (!found) {
    return failWithStatus(404, 'Dashboard not found', 'not-found');
  }
  if (!folders.canEdit(user, found.folder?.uid ?? '')) {
    return accessDenied('dashboards:delete');
  }
  if (found.provisioned) {
    return fail(400, 'provisioned dashboard cannot be deleted');
  }
  dashboards.splice(dashboards.indexOf(found), 1);
  return ok({ title: found.title, message: `Dashboard ${found.title} deleted`, uid: found.uid });
}

/**
 * The dashboard API over `dashboards`, which POST and DELETE change in place: the library element
 * routes read the same list for their connections.
 */
export function dashboardRoutes(dashboards: HostDashboard[], folders: FolderStore): ApiRoute[] {
  return [
    {
      method: 'GET',
      specPath: '/dashboards/uid/{uid}',
      handle: ({ params, user }) => {
        const found = dashboards.find((dashboard) => dashboard.uid === params.uid);
        if (!found) {
          return failWithStatus(404, 'Dashboard not found', 'not-found');
        }
        const folder = found.folder;
        const canEdit = folders.canEdit(user, folder?.uid ?? '');
        return ok({
          dashboard: { ...found.dashboard, id: found.id, uid: found.uid, version: found.version },
          meta: {
            type: 'db',
            canSave: canEdit,
            canEdit,
            canAdmin: user.orgRole === 'Admin',
            canStar: true,
            canDelete: canEdit,
            slug: slugify(found.title),
            url: url(found),
            expires: '0001-01-01T00:00:00Z',
            created: found.created,
            updated: found.updated,
            updatedBy: found.updatedBy,
            createdBy: found.createdBy,
            version: found.version,
            hasAcl: false,
            isFolder: false,
            folderId: folder?.id ?? 0,
            folderUid: folder?.uid ?? '',
            folderTitle: folder?.title ?? GENERAL_FOLDER_TITLE,
            folderUrl: folder ? folderUrl(folder) : '',
            provisioned: found.provisioned !== undefined,
            provisionedExternalId: found.provisioned?.file ?? '',
          },
        });
      },
    },
    {
      method: 'POST',
      specPath: '/dashboards/db',
      handle: ({ body, user, now }) =>
        user.orgRole === 'Viewer'
          ? accessDenied('dashboards:create')
          : saveDashboard(dashboards, folders, isRecord(body) ? body : {}, user, now),
    },
    {
      method: 'DELETE',
      specPath: '/dashboards/uid/{uid}',
      handle: ({ params, user }) => deleteDashboard(dashboards, folders, params.uid, user),
    },
    {
      method: 'GET',
      specPath: '/search',
      handle: ({ query }) => {
        const text = (query.get('query') ?? '').toLowerCase();
        const type = query.get('type');
        const folderUids = query.getAll('folderUIDs').flatMap((value) => value.split(','));
        const dashboardUids = query.getAll('dashboardUIDs').flatMap((value) => value.split(','));
        const tags = query.getAll('tag');
        const limit = Number(query.get('limit') ?? 1000);
        const page = Math.max(1, Number(query.get('page') ?? 1));
        const matchingDashboards = dashboards.filter(
          (dashboard) =>
            dashboard.title.toLowerCase().includes(text) &&
            (folderUids.length === 0 || folderUids.includes(dashboard.folder?.uid ?? 'general')) &&
            (dashboardUids.length === 0 || dashboardUids.includes(dashboard.uid)) &&
            tags.every((tag) => dashboard.tags.includes(tag))
        );
        const matchingFolders =
          tags.length === 0 && dashboardUids.length === 0
            ? folders.list().filter((folder) => folder.title.toLowerCase().includes(text))
            : [];
        const hits = [
          ...(type === 'dash-db' ? [] : matchingFolders.map(folderHit)),
          ...(type === 'dash-folder' ? [] : matchingDashboards.map(searchHit)),
        ];
        return ok(hits.slice((page - 1) * limit, page * limit));
      },
    },
  ];
}
