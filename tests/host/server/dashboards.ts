/**
 * Provisioned dashboards, read like Grafana's file provider reads them: the provider file
 * provisioning/dashboards/dashboards.yaml names a folder and a path inside the container
 * (/etc/grafana/provisioning/...), which the host maps to its local provisioning folder.
 */
import fs from 'fs';
import path from 'path';
import YAML from 'yaml';

import { type Folder, type FolderStore, GENERAL_FOLDER_TITLE, folderUrl, slugify } from './folders';
import { type ApiRoute, fail, ok } from './routes';
import { type JsonObject, arrayAt, isRecord, recordAt, stringAt } from './json';

/** Where docker-compose mounts the provisioning folder in the Grafana container. */
const CONTAINER_PROVISIONING = '/etc/grafana/provisioning';

export interface ProvisionedDashboard {
  id: number;
  uid: string;
  title: string;
  folder: Folder | undefined;
  /** The file name relative to the provider path, Grafana's provisionedExternalId. */
  file: string;
  dashboard: JsonObject;
  tags: string[];
  libraryPanelUids: string[];
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

export function readDashboards(provisioningDir: string, folders: FolderStore, now: number): ProvisionedDashboard[] {
  const providerFile = path.join(provisioningDir, 'dashboards', 'dashboards.yaml');
  if (!fs.existsSync(providerFile)) {
    return [];
  }
  const document: unknown = YAML.parse(fs.readFileSync(providerFile, 'utf8'));
  const providers = (isRecord(document) ? arrayAt(document, 'providers') : undefined) ?? [];
  const dashboards: ProvisionedDashboard[] = [];
  for (const provider of providers
    .filter(isRecord)
    .filter((candidate) => (stringAt(candidate, 'type') ?? 'file') === 'file')) {
    const configured = stringAt(recordAt(provider, 'options') ?? {}, 'path') ?? '';
    const local = configured.startsWith(CONTAINER_PROVISIONING)
      ? path.join(provisioningDir, configured.slice(CONTAINER_PROVISIONING.length))
      : configured;
    const folder = providerFolder(folders, provider, now);
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
        file: path.relative(local, file),
        dashboard,
        tags: (arrayAt(dashboard, 'tags') ?? []).filter((tag): tag is string => typeof tag === 'string'),
        libraryPanelUids: libraryPanelUids(arrayAt(dashboard, 'panels') ?? []),
      });
    }
  }
  return dashboards;
}

function url(dashboard: ProvisionedDashboard): string {
  return `/d/${dashboard.uid}/${slugify(dashboard.title)}`;
}

function searchHit(dashboard: ProvisionedDashboard): JsonObject {
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

export function dashboardRoutes(
  dashboards: ProvisionedDashboard[],
  folders: FolderStore,
  startedAt: number
): ApiRoute[] {
  return [
    {
      method: 'GET',
      specPath: '/dashboards/uid/{uid}',
      handle: ({ params, user }) => {
        const found = dashboards.find((dashboard) => dashboard.uid === params.uid);
        if (!found) {
          return fail(404, 'Dashboard not found');
        }
        const folder = found.folder;
        const canEdit = folders.canEdit(user, folder?.uid ?? '');
        const time = new Date(startedAt).toISOString();
        return ok({
          dashboard: { ...found.dashboard, id: found.id, uid: found.uid, version: 1 },
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
            created: time,
            updated: time,
            updatedBy: 'Anonymous',
            createdBy: 'Anonymous',
            version: 1,
            hasAcl: false,
            isFolder: false,
            folderId: folder?.id ?? 0,
            folderUid: folder?.uid ?? '',
            folderTitle: folder?.title ?? GENERAL_FOLDER_TITLE,
            folderUrl: folder ? folderUrl(folder) : '',
            provisioned: true,
            provisionedExternalId: found.file,
          },
        });
      },
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
