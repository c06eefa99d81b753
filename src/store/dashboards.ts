/**
 * Putting an SLO's library panel on a dashboard: a new one, or one the user picks from a search.
 * The dashboard is saved with `POST /api/dashboards/db` without `overwrite`, carrying the version
 * it was read at, so that a dashboard someone saved meanwhile is never overwritten: Grafana
 * refuses (412) and the user tries again on their version.
 */
import { commonFailure, fail, type StoreError, type StoreResult, succeed, unexpectedAnswer } from './errors';
import { folderTitle } from './folders';
import { type HttpFailure, send, type StoreRequest } from './http';
import { hasSloPanel, newSloDashboard, type SloPanelReference, withSloPanel } from './dashboardModel';

type Json = Record<string, unknown>;

const SEARCH = '/api/search';
const SAVE = '/api/dashboards/db';
/** How many dashboards a search lists: enough to pick from while typing. */
export const DASHBOARD_SEARCH_LIMIT = 30;

export interface DashboardHit {
  uid: string;
  title: string;
  /** Missing for the General folder. */
  folderTitle?: string;
}

/** Where the SLO goes: a new dashboard (title, folder; '' is General), or a stored one. */
export type DashboardChoice = { kind: 'new'; title: string; folderUid: string } | { kind: 'existing'; uid: string };

export interface SloOnDashboard {
  uid: string;
  title: string;
  /** The dashboard's path in Grafana, e.g. `/d/abc/checkout`. */
  url: string;
  /** False when the dashboard already showed the SLO: nothing was saved. */
  added: boolean;
}

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function stringAt(object: Json, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}

/** Grafana's path of a dashboard; only a path on Grafana itself is taken from an answer. */
function dashboardPath(url: string | undefined, uid: string): string {
  return url !== undefined && url.startsWith('/') && !url.startsWith('//') ? url : `/d/${encodeURIComponent(uid)}`;
}

/** Dashboards whose title contains `query` (`GET /api/search?type=dash-db`), by title. */
export async function searchDashboards(query: string): Promise<StoreResult<DashboardHit[]>> {
  const request: StoreRequest = {
    method: 'GET',
    url: SEARCH,
    params: { type: 'dash-db', query, limit: DASHBOARD_SEARCH_LIMIT },
  };
  const answer = await send(request);
  if (!answer.ok) {
    return fail(commonFailure(answer, request, 'search the dashboards'));
  }
  if (!Array.isArray(answer.data)) {
    return fail(unexpectedAnswer(request, 'search the dashboards', 'a list of dashboards'));
  }
  return succeed(
    answer.data.filter(isRecord).flatMap((hit) => {
      const uid = stringAt(hit, 'uid');
      return uid === undefined || stringAt(hit, 'type') !== 'dash-db'
        ? []
        : [{ uid, title: stringAt(hit, 'title') ?? uid, folderTitle: stringAt(hit, 'folderTitle') }];
    })
  );
}

interface LoadedDashboard {
  dashboard: Json;
  folderUid: string;
  title: string;
  url: string;
}

/** `GET /api/dashboards/uid/:uid`: the saved model, as read, and where it lives. */
async function loadDashboard(uid: string): Promise<StoreResult<LoadedDashboard>> {
  const request: StoreRequest = { method: 'GET', url: `/api/dashboards/uid/${encodeURIComponent(uid)}` };
  const answer = await send(request);
  if (!answer.ok) {
    return fail(loadFailure(answer, request, uid));
  }
  const dashboard = isRecord(answer.data) ? answer.data.dashboard : undefined;
  const meta = isRecord(answer.data) && isRecord(answer.data.meta) ? answer.data.meta : {};
  if (!isRecord(dashboard)) {
    return fail(unexpectedAnswer(request, `load the dashboard "${uid}"`, 'a dashboard'));
  }
  return succeed({
    dashboard,
    folderUid: stringAt(meta, 'folderUid') ?? '',
    title: stringAt(dashboard, 'title') ?? uid,
    url: dashboardPath(stringAt(meta, 'url'), uid),
  });
}

function loadFailure(answer: HttpFailure, request: StoreRequest, uid: string): StoreError {
  const server = { status: answer.status, serverMessage: answer.message };
  if (answer.status === 404) {
    return { kind: 'notFound', uid, ...server, message: `The dashboard "${uid}" does not exist (any more).` };
  }
  if (answer.status === 406) {
    // Grafana answers 406 for dashboards of its v2 schema, which this API does not serve.
    return {
      kind: 'invalid',
      errors: [{ path: 'dashboard', message: "uses Grafana's v2 dashboard schema" }],
      ...server,
      message: `The dashboard "${uid}" uses Grafana's new dashboard schema, which Nines cannot change. Open it and add the SLO's library panel there (Add > Import from library).`,
    };
  }
  return commonFailure(answer, request, `load the dashboard "${uid}"`);
}

const PROVISIONED = 'Cannot save provisioned dashboard';

/** Errors of saving a dashboard, in the user's words. */
async function saveFailure(
  answer: HttpFailure,
  request: StoreRequest,
  title: string,
  folderUid: string
): Promise<StoreError> {
  const server = { status: answer.status, serverMessage: answer.message };
  if (answer.status === 412 && isRecord(answer.data) && answer.data.status === 'version-mismatch') {
    const uid = isRecord(request.data) && isRecord(request.data.dashboard) ? request.data.dashboard.uid : undefined;
    return {
      kind: 'conflict',
      uid: typeof uid === 'string' ? uid : '',
      ...server,
      message: `Someone saved "${title}" while Nines was adding the SLO: nothing was overwritten. Try again to add it to their version.`,
    };
  }
  if (answer.status === 400 && answer.message === PROVISIONED) {
    return {
      kind: 'forbidden',
      ...server,
      message: `"${title}" is provisioned from a file, and Grafana does not save changes to it. Add the SLO to another dashboard, or add its library panel to the file.`,
    };
  }
  if (answer.status === 403 && !answer.message.startsWith("You'll need additional permissions")) {
    const folderName = await folderTitle(folderUid);
    return {
      kind: 'forbidden',
      ...server,
      folderUid,
      folderName,
      message: `You may not save dashboards in folder "${folderName}": ask an admin for Edit permission on it.`,
    };
  }
  return commonFailure(answer, request, `save the dashboard "${title}"`);
}

/** `POST /api/dashboards/db`, never overwriting someone else's version. */
async function saveDashboard(
  dashboard: Json,
  folderUid: string,
  message: string
): Promise<StoreResult<Omit<SloOnDashboard, 'added'>>> {
  const title = stringAt(dashboard, 'title') ?? '';
  const request: StoreRequest = {
    method: 'POST',
    url: SAVE,
    data: { dashboard, folderUid, overwrite: false, message },
  };
  const answer = await send(request);
  if (!answer.ok) {
    return fail(await saveFailure(answer, request, title, folderUid));
  }
  const uid = isRecord(answer.data) ? stringAt(answer.data, 'uid') : undefined;
  if (!isRecord(answer.data) || uid === undefined) {
    return fail(unexpectedAnswer(request, `save the dashboard "${title}"`, 'a saved dashboard'));
  }
  return succeed({ uid, title, url: dashboardPath(stringAt(answer.data, 'url'), uid) });
}

/**
 * Puts the SLO's library panel on a dashboard: a new one over the last 30 days, or below the
 * panels of a stored one (read first, saved against the version read). A dashboard that already
 * shows the SLO is left as it is.
 */
export async function addSloToDashboard(
  slo: SloPanelReference,
  choice: DashboardChoice
): Promise<StoreResult<SloOnDashboard>> {
  const message = `Nines: add the SLO "${slo.name}"`;
  if (choice.kind === 'new') {
    const title = choice.title.trim();
    if (title === '') {
      return fail({
        kind: 'invalid',
        errors: [{ path: 'title', message: 'is required' }],
        message: 'The new dashboard needs a title.',
      });
    }
    const saved = await saveDashboard(newSloDashboard(title, slo), choice.folderUid, message);
    return saved.ok ? succeed({ ...saved.value, added: true }) : saved;
  }
  const loaded = await loadDashboard(choice.uid);
  if (!loaded.ok) {
    return loaded;
  }
  const { dashboard, folderUid, title, url } = loaded.value;
  if (hasSloPanel(dashboard, slo.uid)) {
    return succeed({ uid: choice.uid, title, url, added: false });
  }
  const saved = await saveDashboard(withSloPanel(dashboard, slo), folderUid, message);
  return saved.ok ? succeed({ ...saved.value, added: true }) : saved;
}
