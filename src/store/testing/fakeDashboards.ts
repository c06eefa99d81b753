/**
 * Dashboards in memory, with Grafana's rules and messages as the test host has them
 * (tests/host/server/dashboards.ts): the folder's permissions decide who may save, a save must
 * carry the version it read (412 version-mismatch otherwise), provisioned dashboards refuse to be
 * saved, and the library panels a saved dashboard uses become connected to it.
 */
import {
  accessDenied,
  type FakeAnswer,
  type FakeDashboard,
  type FakeGrafana,
  type FakeRoute,
  failWith,
  ok,
} from './fakeGrafana';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const stringAt = (object: Json, key: string) => (typeof object[key] === 'string' ? String(object[key]) : undefined);

const slugOf = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const urlOf = (dashboard: FakeDashboard) => `/d/${dashboard.uid}/${slugOf(dashboard.title)}`;

/** Library panel uids of a dashboard's panels, in rows too. */
export function libraryPanelUidsOf(panels: unknown): string[] {
  return (Array.isArray(panels) ? panels : []).filter(isRecord).flatMap((panel) => {
    const uid = isRecord(panel.libraryPanel) ? stringAt(panel.libraryPanel, 'uid') : undefined;
    return [...(uid ? [uid] : []), ...libraryPanelUidsOf(panel.panels)];
  });
}

/** Grafana's error body with a status, as dashboard errors carry one (DashboardErr.Body). */
const failWithStatus = (status: number, message: string, reason: string): FakeAnswer => ({
  status,
  body: { message, status: reason },
});

export function dashboardRoutes(grafana: FakeGrafana): FakeRoute[] {
  const byUid = (uid: string) => grafana.dashboards.find((dashboard) => dashboard.uid === uid);

  function modelOf(dashboard: FakeDashboard): Json {
    const panels = dashboard.libraryPanelUids.map((uid, index) => ({
      id: index + 1,
      gridPos: { x: 0, y: index * 8, w: 12, h: 8 },
      libraryPanel: { uid, name: uid },
    }));
    return { ...(dashboard.model ?? { title: dashboard.title, panels }), id: dashboard.id, uid: dashboard.uid };
  }

  function folderFields(folderUid: string) {
    const folder = grafana.folders.get(folderUid);
    return { folderId: folder?.id ?? 0, folderUid, folderTitle: folder?.title ?? 'General' };
  }

  function save(command: Json, now: number): FakeAnswer {
    const dashboard = isRecord(command.dashboard) ? command.dashboard : {};
    const title = (stringAt(dashboard, 'title') ?? '').trim();
    const folderUid = stringAt(command, 'folderUid') ?? '';
    if (title === '') {
      return failWithStatus(400, 'Dashboard title cannot be empty', 'empty-name');
    }
    if (folderUid !== '' && !grafana.folders.has(folderUid)) {
      return failWith(400, 'folder not found');
    }
    const uid = stringAt(dashboard, 'uid') || `d${now.toString(36)}`;
    const existing = byUid(uid);
    if (existing && command.overwrite !== true && dashboard.version !== existing.version) {
      return failWithStatus(412, 'The dashboard has been changed by someone else', 'version-mismatch');
    }
    if (!grafana.canEdit(folderUid) || (existing && !grafana.canEdit(existing.folderUid))) {
      return failWith(403, 'Access denied to save dashboard');
    }
    if (existing?.provisioned) {
      return failWith(400, 'Cannot save provisioned dashboard');
    }
    const version = (existing?.version ?? 0) + 1;
    const saved: FakeDashboard = existing ?? grafana.addDashboard(uid, title, []);
    Object.assign(saved, {
      title,
      folderUid,
      version,
      model: { ...dashboard, uid, version },
      libraryPanelUids: libraryPanelUidsOf(dashboard.panels),
    });
    const { id } = saved;
    return ok({ id, uid, url: urlOf(saved), status: 'success', version, slug: slugOf(title), title, folderUid });
  }

  return [
    {
      method: 'GET',
      specPath: '/search',
      handle: ({ query }) => {
        const text = (query.get('query') ?? '').toLowerCase();
        const uids = query.getAll('dashboardUIDs').flatMap((value) => value.split(','));
        const limit = Number(query.get('limit') ?? 1000);
        const found = query.get('type') === 'dash-folder' ? [] : grafana.dashboards;
        const hits = found
          .filter((dashboard) => uids.length === 0 || uids.includes(dashboard.uid))
          .filter((dashboard) => dashboard.title.toLowerCase().includes(text))
          .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))
          .slice(0, limit);
        return ok(
          hits.map((dashboard) => {
            const { folderId, folderTitle } = folderFields(dashboard.folderUid);
            const folder = dashboard.folderUid === '' ? {} : { folderId, folderUid: dashboard.folderUid, folderTitle };
            const { id, uid, title } = dashboard;
            return { id, uid, title, type: 'dash-db', url: urlOf(dashboard), ...folder };
          })
        );
      },
    },
    {
      method: 'GET',
      specPath: '/dashboards/uid/{uid}',
      handle: ({ params }) => {
        const dashboard = byUid(params.uid);
        if (!dashboard) {
          return failWithStatus(404, 'Dashboard not found', 'not-found');
        }
        const canEdit = grafana.canEdit(dashboard.folderUid);
        return ok({
          dashboard: { ...modelOf(dashboard), version: dashboard.version },
          meta: {
            ...folderFields(dashboard.folderUid),
            ...{ type: 'db', canSave: canEdit, canEdit, url: urlOf(dashboard), version: dashboard.version },
            provisioned: dashboard.provisioned,
          },
        });
      },
    },
    {
      method: 'POST',
      specPath: '/dashboards/db',
      handle: ({ body, user, now }) =>
        user.role === 'Viewer' ? accessDenied('dashboards:create') : save(isRecord(body) ? body : {}, now),
    },
  ];
}
