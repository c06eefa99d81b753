/**
 * The test host's server: it stands in for Grafana's HTTP API contract (not for Grafana), serves
 * the built plugin as Grafana serves plugin files, and serves the host page with boot data.
 * Every API request and answer is checked against Grafana's published API description.
 */
import fs from 'fs';
import http, { type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import path from 'path';

import { APP_ID, GRAFANA_VERSION, type Theme, bootData, renderPage } from './bootData';
import { loadContract } from './contract';
import { dashboardRoutes, readDashboards } from './dashboards';
import { datasourceRoutes, readDatasources } from './datasources';
import { dsQueryRoute } from './dsQuery';
import { readExampleSloSeed } from './exampleSlos';
import { FolderStore, folderRoutes } from './folders';
import { type LibraryElementSeed, libraryElementRoutes, readLibraryElementSeed } from './libraryElements';
import { pluginSettingsDescription, pluginSettingsRoutes, readAppSettingsState } from './pluginSettings';
import { type ApiResponse, type ApiRoute, type HttpMethod, ok, routeMatcher } from './routes';
import { rulerRoutes } from './ruler';
import { readStatic } from './staticFiles';
import { type HostUser, USER_COOKIE, userFromCookie, userRoute, users } from './users';
import { logoSvg } from './logos';

export type { ApiRoute, ApiRequest, ApiResponse } from './routes';

export interface HostServerOptions {
  /** 0 picks a free port. */
  port: number;
  prometheusUrl: string;
  distDir?: string;
  pageDir?: string;
  provisioningDir?: string;
  now?: () => number;
  /** The folder holding api-merged.json and api-merged.older.json. */
  apiDescriptionDir?: string;
  /** A JSON array of library elements `{ uid, name, folderUid, model }` to start with. */
  libraryElementsFile?: string;
  /** API routes matched before the host's own; tests inject faulty handlers with it. */
  extraRoutes?: ApiRoute[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  user: string;
  validationError?: string;
}

export interface HostServer {
  url: string;
  close(): Promise<void>;
  requests: RecordedRequest[];
}

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const PLUGIN_PREFIX = `/public/plugins/${APP_ID}/`;

function isMethod(method: string): method is HttpMethod {
  return METHODS.some((candidate) => candidate === method);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
  headers: Record<string, string> = {}
): void {
  response.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store', ...headers });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, JSON.stringify(body), 'application/json; charset=utf-8');
}

export async function createHostServer(options: HostServerOptions): Promise<HostServer> {
  const now = options.now ?? Date.now;
  const distDir = path.resolve(options.distDir ?? 'dist');
  const pageDir = path.resolve(options.pageDir ?? 'tests/host/.build');
  const provisioningDir = path.resolve(options.provisioningDir ?? 'provisioning');
  const contract = loadContract(path.resolve(options.apiDescriptionDir ?? path.join('..', 'shared', 'grafana')), [
    pluginSettingsDescription,
  ]);
  const startedAt = now();

  const datasources = readDatasources(provisioningDir, options.prometheusUrl.replace(/\/$/, ''));
  const folders = new FolderStore(startedAt);
  const dashboards = readDashboards(provisioningDir, folders, startedAt);
  const fromFile: LibraryElementSeed[] = options.libraryElementsFile
    ? readLibraryElementSeed(options.libraryElementsFile)
    : [];
  // The demo's example SLOs, as the docker demo seeds them; a file's element of the same uid wins.
  const seed = [
    ...readExampleSloSeed(provisioningDir).filter((example) => !fromFile.some((entry) => entry.uid === example.uid)),
    ...fromFile,
  ];
  const routes: ApiRoute[] = [
    ...(options.extraRoutes ?? []),
    ...datasourceRoutes(datasources),
    dsQueryRoute(datasources),
    ...folderRoutes(folders),
    ...dashboardRoutes(dashboards, folders),
    ...libraryElementRoutes(folders, dashboards, seed, startedAt),
    ...rulerRoutes(folders),
    ...pluginSettingsRoutes(readAppSettingsState(provisioningDir), distDir),
    userRoute(startedAt),
    // What the demo's seed service waits for before it imports the example SLOs.
    { method: 'GET', specPath: '/health', handle: () => ok({ database: 'ok', version: GRAFANA_VERSION }) },
  ];
  // A host route that is not an operation of Grafana's description fails here, not in a test.
  const operations = new Map(routes.map((route) => [route, contract.operation(route.method, route.specPath)]));
  const matchRoute = routeMatcher(routes);
  const requests: RecordedRequest[] = [];

  async function handleApi(
    request: IncomingMessage,
    url: URL,
    user: HostUser,
    record: RecordedRequest
  ): Promise<ApiResponse> {
    const method = request.method ?? 'GET';
    const match = isMethod(method) ? matchRoute(method, url.pathname) : undefined;
    const operation = match ? operations.get(match.route) : undefined;
    if (!match || !operation || !isMethod(method)) {
      return { status: 404, body: { message: 'Not found' } };
    }
    const text = await readBody(request);
    let body: unknown;
    try {
      body = text.trim() === '' ? undefined : JSON.parse(text);
    } catch {
      return { status: 400, body: { message: 'bad request data' } };
    }
    const where = `${method} ${url.pathname}`;
    const requestError = operation.validateRequest({
      params: match.params,
      query: url.searchParams,
      body,
      hasBody: body !== undefined,
    });
    if (requestError) {
      record.validationError = requestError;
      return {
        status: 400,
        body: { message: `host: request does not match ${operation.source}: ${where} ${requestError}` },
      };
    }
    const answer = await match.route.handle({
      method,
      path: url.pathname,
      query: url.searchParams,
      params: match.params,
      body,
      user,
      now: now(),
    });
    const responseError = operation.validateResponse(answer.status, answer.body);
    if (responseError) {
      record.validationError = responseError;
      return {
        status: 500,
        body: {
          message: `host: response does not match ${operation.source}: ${where} ${answer.status} ${responseError}`,
        },
      };
    }
    return answer;
  }

  async function servePage(url: URL, user: HostUser, origin: string, response: ServerResponse): Promise<number> {
    const index = path.join(pageDir, 'index.html');
    if (!fs.existsSync(index)) {
      send(response, 503, `host: ${index} is missing: build the host page first`, 'text/plain; charset=utf-8');
      return 503;
    }
    const theme: Theme = url.searchParams.get('theme') === 'light' ? 'light' : 'dark';
    const data = bootData({ user, theme, origin, datasources, distDir });
    send(response, 200, renderPage(await fs.promises.readFile(index, 'utf8'), data), 'text/html; charset=utf-8');
    return 200;
  }

  async function serveFile(root: string, relativePath: string, response: ServerResponse): Promise<number> {
    const file = await readStatic(root, relativePath);
    if (!file) {
      send(response, 404, 'Not found', 'text/plain; charset=utf-8');
      return 404;
    }
    send(response, 200, file.content, file.contentType);
    return 200;
  }

  /** Signs a user in by cookie and goes on, like Grafana's login form would. */
  function login(url: URL, response: ServerResponse): number {
    const name = url.searchParams.get('user') ?? '';
    const redirect = url.searchParams.get('redirect') ?? '/';
    if (!users[name]) {
      send(
        response,
        400,
        `host: unknown user "${name}"; use ${Object.keys(users).join(', ')}`,
        'text/plain; charset=utf-8'
      );
      return 400;
    }
    const location = redirect.startsWith('/') && !redirect.startsWith('//') ? redirect : '/';
    send(response, 302, '', 'text/plain; charset=utf-8', {
      Location: location,
      'Set-Cookie': `${USER_COOKIE}=${name}; Path=/; SameSite=Lax`,
    });
    return 302;
  }

  async function handle(request: IncomingMessage, response: ServerResponse, origin: string): Promise<void> {
    const record: RecordedRequest = {
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      query: {},
      status: 0,
      user: '',
    };
    requests.push(record);
    try {
      const url = new URL(request.url ?? '/', origin);
      const user = userFromCookie(request);
      Object.assign(record, { path: url.pathname, query: Object.fromEntries(url.searchParams), user: user.login });
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
        const answer = await handleApi(request, url, user, record);
        sendJson(response, answer.status, answer.body);
        record.status = answer.status;
      } else if (url.pathname === '/host-login') {
        record.status = login(url, response);
      } else if (url.pathname.startsWith(PLUGIN_PREFIX)) {
        record.status = await serveFile(distDir, url.pathname.slice(PLUGIN_PREFIX.length), response);
      } else if (url.pathname.startsWith('/host/')) {
        record.status = await serveFile(pageDir, url.pathname.slice('/host/'.length), response);
      } else if (logoSvg(url.pathname) !== undefined) {
        send(response, 200, logoSvg(url.pathname) ?? '', 'image/svg+xml');
        record.status = 200;
      } else if (url.pathname.startsWith('/public/') || request.method !== 'GET') {
        send(response, 404, 'Not found', 'text/plain; charset=utf-8');
        record.status = 404;
      } else {
        record.status = await servePage(url, user, origin, response);
      }
    } catch (error) {
      record.status = 500;
      if (!response.headersSent) {
        sendJson(response, 500, { message: `host: ${error instanceof Error ? error.message : String(error)}` });
      } else {
        response.end();
      }
    }
  }

  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address: AddressInfo | string | null = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://127.0.0.1:${port}`;
  server.on('request', (request: IncomingMessage, response: ServerResponse) => void handle(request, response, url));

  return {
    url,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
