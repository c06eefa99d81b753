/**
 * The host's Grafana API called from the test, as a given user: what a colleague does in another
 * tab while the page under test is open, and how a test checks what a page saved.
 */
import { hostUrl, type HostUser } from './host';

export interface ApiAnswer {
  status: number;
  body: unknown;
}

export interface LibraryElement {
  uid: string;
  name: string;
  folderUid: string;
  kind: number;
  version: number;
  model: Record<string, unknown>;
}

export interface Dashboard {
  dashboard: Record<string, unknown> & { panels?: Array<Record<string, unknown>>; version: number; title: string };
  meta: { folderUid: string };
}

/** Calls the host's API as `user`; the answer whatever its status. */
export async function callApi(method: string, path: string, options: { user?: HostUser; body?: unknown } = {}) {
  const { user = 'admin', body } = options;
  const response = await fetch(new URL(path, hostUrl()), {
    method,
    headers: { cookie: `nines_host_user=${user}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const answer: ApiAnswer = { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  return answer;
}

/** Like callApi, but throws unless Grafana answers 2xx. */
export async function api(method: string, path: string, options: { user?: HostUser; body?: unknown } = {}) {
  const answer = await callApi(method, path, options);
  if (answer.status < 200 || answer.status > 299) {
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function elementOf(body: unknown): LibraryElement {
  const result = isRecord(body) ? body.result : undefined;
  if (
    !isRecord(result) ||
    typeof result.uid !== 'string' ||
    typeof result.version !== 'number' ||
    !isRecord(result.model)
  ) {
    throw new Error(`not a library element: ${JSON.stringify(body)}`);
  }
  return {
    uid: result.uid,
    name: String(result.name),
    folderUid: String(result.folderUid ?? ''),
    kind: Number(result.kind),
    version: result.version,
    model: result.model,
  };
}

export const elementPath = (uid: string) => `/api/library-elements/${encodeURIComponent(uid)}`;

export async function getElement(uid: string): Promise<LibraryElement> {
  return elementOf(await api('GET', elementPath(uid)));
}

/** Whether a library element exists (as admin, who sees every folder). */
export async function elementExists(uid: string): Promise<boolean> {
  return (await callApi('GET', elementPath(uid))).status === 200;
}

/** The PATCH body that saves `model` over the element's current version, as Grafana's UI sends it. */
export function patchBody(current: LibraryElement, model: Record<string, unknown>) {
  return { name: current.name, folderUid: current.folderUid, kind: current.kind, version: current.version, model };
}

/** Changes an element's model over its current version, as admin; the saved element. */
export async function changeElement(
  uid: string,
  change: (model: Record<string, unknown>) => Record<string, unknown>
): Promise<LibraryElement> {
  const current = await getElement(uid);
  return elementOf(await api('PATCH', elementPath(uid), { body: patchBody(current, change(current.model)) }));
}

export async function getDashboard(uid: string): Promise<Dashboard> {
  const body = await api('GET', `/api/dashboards/uid/${encodeURIComponent(uid)}`);
  if (!isRecord(body) || !isRecord(body.dashboard) || !isRecord(body.meta)) {
    throw new Error(`not a dashboard: ${JSON.stringify(body)}`);
  }
  const dashboard = body.dashboard;
  return {
    dashboard: {
      ...dashboard,
      panels: Array.isArray(dashboard.panels) ? dashboard.panels.filter(isRecord) : [],
      version: Number(dashboard.version),
      title: String(dashboard.title),
    },
    meta: { folderUid: String(body.meta.folderUid ?? '') },
  };
}

/** The uids of the library panels a dashboard shows. */
export function libraryPanelUids(dashboard: Dashboard): string[] {
  return (dashboard.dashboard.panels ?? []).flatMap((panel) =>
    isRecord(panel.libraryPanel) && typeof panel.libraryPanel.uid === 'string' ? [panel.libraryPanel.uid] : []
  );
}

/**
 * Saves the dashboard without the library panel `elementUid`, over the version read, as a user
 * who removes the panel in Grafana's dashboard editor does.
 */
export async function removeLibraryPanel(dashboardUid: string, elementUid: string): Promise<void> {
  const { dashboard, meta } = await getDashboard(dashboardUid);
  const panels = (dashboard.panels ?? []).filter(
    (panel) => !(isRecord(panel.libraryPanel) && panel.libraryPanel.uid === elementUid)
  );
  await api('POST', '/api/dashboards/db', {
    body: { dashboard: { ...dashboard, panels }, folderUid: meta.folderUid, overwrite: false, message: '' },
  });
}

/** Deletes a dashboard (as admin) if it still exists. */
export async function deleteDashboard(uid: string): Promise<void> {
  const path = `/api/dashboards/uid/${encodeURIComponent(uid)}`;
  if ((await callApi('GET', path)).status === 200) {
    await api('DELETE', path);
  }
}
