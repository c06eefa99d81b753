/**
 * An in-memory Grafana for the store's tests, mocked at the HTTP boundary: a BackendSrv whose
 * `fetch` answers from request-level handlers (method, URL, body) with Grafana's statuses and
 * messages, as the test host has them (tests/host/server). Every call is recorded, so tests can
 * check URLs and bodies, and the contract test can check them against api-merged.json.
 */
import { urlUtil } from '@grafana/data';
import type { BackendSrv, BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';
import { lastValueFrom, Observable } from 'rxjs';

import { dashboardRoutes } from './fakeDashboards';
import { libraryElementRoutes, type LibraryElementState } from './fakeLibraryElements';
import { type AppSettingsState, newAppSettingsState, pluginSettingsRoutes } from './fakePluginSettings';
import { newRulerState, type RulerState, rulerRoutes } from './fakeRuler';

export type Role = 'Viewer' | 'Editor' | 'Admin';

export interface FakeUser {
  id: number;
  login: string;
  role: Role;
}

export interface FakeFolder {
  id: number;
  uid: string;
  title: string;
  /** Roles besides Admin that may edit what the folder holds. */
  editRoles: Role[];
}

export interface FakeDashboard {
  id: number;
  uid: string;
  title: string;
  libraryPanelUids: string[];
  /** '' for the General folder. */
  folderUid: string;
  version: number;
  /** Provisioned from a file: Grafana refuses to save it. */
  provisioned: boolean;
  /** The saved JSON; without it, a model holding the library panels is made up. */
  model?: Record<string, unknown>;
}

export interface FakeDashboardOptions {
  folderUid?: string;
  provisioned?: boolean;
  model?: Record<string, unknown>;
}

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  body: unknown;
  user: FakeUser;
  now: number;
}

export interface FakeAnswer {
  status: number;
  body: unknown;
}

export interface FakeRoute {
  method: string;
  /** The operation's path in api-merged.json, relative to /api. */
  specPath: string;
  handle(request: FakeRequest): FakeAnswer;
}

export interface RecordedCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** The operation answered; undefined for paths the fake does not know. */
  specPath?: string;
  status: number;
  response: unknown;
}

export const ok = (body: unknown): FakeAnswer => ({ status: 200, body });
/** Grafana's error body (ErrorResponseBody). */
export const failWith = (status: number, message: string): FakeAnswer => ({ status, body: { message } });

/** Grafana's answer when role-based access control denies an action. */
export function accessDenied(action: string): FakeAnswer {
  return {
    status: 403,
    body: {
      title: 'Access denied',
      message: `You'll need additional permissions to perform this action. Permissions needed: ${action}`,
    },
  };
}

export const USERS: Record<string, FakeUser> = {
  admin: { id: 1, login: 'admin', role: 'Admin' },
  editor: { id: 2, login: 'editor', role: 'Editor' },
  viewer: { id: 3, login: 'viewer', role: 'Viewer' },
  alice: { id: 4, login: 'alice', role: 'Editor' },
};

export type Outage = 'offline' | 502 | 503 | 504;

export class FakeGrafana implements BackendSrv {
  user: FakeUser = USERS.editor;
  /** While set, requests fail as they do without a connection (offline) or behind a failing proxy. */
  outage?: Outage;
  readonly calls: RecordedCall[] = [];
  /** Answers that the next requests get instead of the handlers', first in first out. */
  private readonly failures: FakeAnswer[] = [];
  readonly folders = new Map<string, FakeFolder>();
  readonly dashboards: FakeDashboard[] = [];
  readonly library: LibraryElementState;
  /** The app plugin's settings (`/api/plugins/nines-slo-app/settings`). */
  appSettings: AppSettingsState = newAppSettingsState();
  /** Alert rules (`/api/ruler/...`): Grafana-managed groups by folder, and the datasources with a ruler. */
  readonly ruler: RulerState = newRulerState();
  private readonly routes: FakeRoute[];
  private nextId = 1;
  private clock = Date.parse('2025-01-01T00:00:00Z');

  constructor() {
    this.addFolder('slos', 'SLOs', ['Editor']);
    this.addFolder('platform', 'Platform', []);
    this.library = { elements: new Map(), nextId: 1 };
    this.routes = [
      ...libraryElementRoutes(this),
      ...this.folderRoutes(),
      ...dashboardRoutes(this),
      ...pluginSettingsRoutes(this),
      ...rulerRoutes(this),
    ];
  }

  signIn(login: keyof typeof USERS): void {
    this.user = USERS[login];
  }

  addFolder(uid: string, title: string, editRoles: Role[]): FakeFolder {
    const folder = { id: this.nextId++, uid, title, editRoles };
    this.folders.set(uid, folder);
    return folder;
  }

  /** A dashboard using these library panels, as if saved earlier (version 1), bypassing the API. */
  addDashboard(
    uid: string,
    title: string,
    libraryPanelUids: string[],
    options: FakeDashboardOptions = {}
  ): FakeDashboard {
    const { folderUid = '', provisioned = false, model } = options;
    const dashboard = { id: this.nextId++, uid, title, libraryPanelUids, folderUid, version: 1, provisioned, model };
    this.dashboards.push(dashboard);
    return dashboard;
  }

  /** Puts a library element in place as if saved earlier by an admin (version 1), bypassing the API. */
  seedElement(seed: { uid: string; name: string; folderUid: string; model: Record<string, unknown> }): void {
    const time = new Date(this.clock).toISOString();
    const { model } = seed;
    const type = typeof model.type === 'string' ? model.type : '';
    const description = typeof model.description === 'string' ? model.description : '';
    this.library.elements.set(seed.uid, {
      ...seed,
      ...{ id: this.library.nextId++, kind: 1, type, description, version: 1 },
      ...{ created: time, updated: time, createdBy: USERS.admin, updatedBy: USERS.admin },
    });
  }

  /** '' (and `general`) is the General folder, which Editors may edit. */
  canEdit(folderUid: string): boolean {
    if (this.user.role === 'Admin') {
      return true;
    }
    if (folderUid === '' || folderUid === 'general') {
      return this.user.role === 'Editor';
    }
    return this.folders.get(folderUid)?.editRoles.includes(this.user.role) ?? false;
  }

  /** The next request gets this error answer (ErrorResponseBody), whatever it asks. */
  failNext(status: number, message: string): void {
    this.failures.push(failWith(status, message));
  }

  callsTo(method: string, path: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method && call.path === path);
  }

  fetch<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
    return new Observable<FetchResponse<T>>((subscriber) => {
      // Answer on a later tick, as a network request would.
      const timer = setTimeout(() => {
        try {
          subscriber.next(this.answer<T>(options));
          subscriber.complete();
        } catch (error) {
          subscriber.error(error);
        }
      });
      return () => clearTimeout(timer);
    });
  }

  private answer<T>(options: BackendSrvRequest): FetchResponse<T> {
    if (this.outage === 'offline') {
      // What window.fetch rejects with when there is no connection; Grafana passes it on.
      throw new TypeError('Failed to fetch');
    }
    if (this.outage !== undefined) {
      throw this.fetchError(this.outage, { message: 'Bad gateway' }, options);
    }
    const method = (options.method ?? 'GET').toUpperCase();
    const query = urlUtil.serializeParams(options.params ?? {});
    const url = new URL(`${options.url}${query === '' ? '' : `?${query}`}`, 'http://grafana.test');
    // A real request carries a copy of the body, never the caller's objects.
    const body: unknown = options.data === undefined ? undefined : JSON.parse(JSON.stringify(options.data));
    const matched = this.route(method, url.pathname);
    const request = { method, path: url.pathname, query: url.searchParams, body, user: this.user };
    this.clock += 1000;
    const answer =
      this.failures.shift() ??
      (matched
        ? matched.route.handle({ ...request, params: matched.params, now: this.clock })
        : failWith(404, 'Not found'));
    const response: unknown = JSON.parse(JSON.stringify(answer.body));
    this.calls.push({ ...request, specPath: matched?.route.specPath, status: answer.status, response });
    if (answer.status >= 400) {
      throw this.fetchError(answer.status, response, options);
    }
    return {
      data: trusted<T>(response),
      status: answer.status,
      statusText: 'OK',
      ok: true,
      headers: new Headers(),
      redirected: false,
      type: 'basic',
      url: url.toString(),
      config: options,
    };
  }

  private fetchError(status: number, data: unknown, config: BackendSrvRequest): FetchError {
    return { status, statusText: `HTTP ${status}`, data, config };
  }

  private route(method: string, path: string) {
    for (const route of this.routes) {
      const names: string[] = [];
      const source = route.specPath.replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      const match = route.method === method ? new RegExp(`^/api${source}$`).exec(path) : null;
      if (match) {
        const params = Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1])]));
        return { route, params };
      }
    }
    return undefined;
  }

  private folderRoutes(): FakeRoute[] {
    return [
      {
        method: 'GET',
        specPath: '/folders',
        handle: ({ query }) => {
          const limit = Number(query.get('limit') ?? 1000);
          const page = Math.max(1, Number(query.get('page') ?? 1));
          const hits = [...this.folders.values()].sort((a, b) => (a.title < b.title ? -1 : 1));
          return ok(hits.slice((page - 1) * limit, page * limit).map(({ id, uid, title }) => ({ id, uid, title })));
        },
      },
      {
        method: 'GET',
        specPath: '/folders/{folder_uid}',
        handle: ({ params }) => {
          const folder = this.folders.get(params.folder_uid);
          if (!folder) {
            return failWith(404, 'folder not found');
          }
          const canEdit = this.canEdit(folder.uid);
          const { id, uid, title } = folder;
          return ok({ id, uid, title, orgId: 1, url: `/dashboards/f/${uid}/`, canEdit, canSave: canEdit });
        },
      },
    ];
  }

  // BackendSrv's promise helpers; the store uses fetch only.
  private async data<T>(options: BackendSrvRequest): Promise<T> {
    return (await lastValueFrom(this.fetch<T>(options))).data;
  }
  request<T>(options: BackendSrvRequest): Promise<T> {
    return this.data<T>(options);
  }
  datasourceRequest<T>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
    return lastValueFrom(this.fetch<T>(options));
  }
  get<T>(url: string, params?: BackendSrvRequest['params']): Promise<T> {
    return this.data<T>({ method: 'GET', url, params });
  }
  delete<T>(url: string, data?: unknown): Promise<T> {
    return this.data<T>({ method: 'DELETE', url, data });
  }
  post<T>(url: string, data?: unknown): Promise<T> {
    return this.data<T>({ method: 'POST', url, data });
  }
  patch<T>(url: string, data?: unknown): Promise<T> {
    return this.data<T>({ method: 'PATCH', url, data });
  }
  put<T>(url: string, data?: unknown): Promise<T> {
    return this.data<T>({ method: 'PUT', url, data });
  }
  chunked(): Observable<FetchResponse<Uint8Array | undefined>> {
    throw new Error('FakeGrafana does not stream');
  }
}

// BackendSrv's generic fetch trusts the caller's T, as Grafana's does: answers are untyped JSON.
function trusted<T>(value: unknown): T {
  return value as T;
}
