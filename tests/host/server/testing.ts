/**
 * Helpers for the server's own tests: a throwaway plugin and provisioning folder made from the
 * repository's source files (dist/ may not be built when the tests run), and a client that talks
 * to the host as one of its users.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';

import { type HostServer, type HostServerOptions, createHostServer } from './index';
import { USER_COOKIE } from './users';

export interface Answer {
  status: number;
  body: unknown;
}

type User = 'admin' | 'editor' | 'viewer';

export type Client = (method: string, apiPath: string, body?: unknown) => Promise<Answer>;

export function clientFor(url: string, user: User): Client {
  return async (method, apiPath, body) => {
    const response = await fetch(`${url}${apiPath}`, {
      method,
      headers: { Cookie: `${USER_COOKIE}=${user}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

/** A client for each user of a host the suite starts later: the URL is read at each request. */
export function clientsFor(url: () => string): Record<User, Client> {
  const client =
    (user: User): Client =>
    (method, apiPath, body) =>
      clientFor(url(), user)(method, apiPath, body);
  return { admin: client('admin'), editor: client('editor'), viewer: client('viewer') };
}

export interface Fixture {
  root: string;
  distDir: string;
  provisioningDir: string;
  pageDir: string;
  remove(): void;
}

/**
 * dist/ with the source plugin.json files, provisioning/ with the repository's data source and
 * dashboard provider files plus the given dashboards, and a page whose index.html holds the marker.
 */
export function makeFixture(dashboards: Record<string, unknown> = {}): Fixture {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nines-host-'));
  const distDir = path.join(root, 'dist');
  const provisioningDir = path.join(root, 'provisioning');
  const pageDir = path.join(root, 'page');
  fs.mkdirSync(path.join(distDir, 'panels', 'slo'), { recursive: true });
  fs.copyFileSync('src/plugin.json', path.join(distDir, 'plugin.json'));
  fs.copyFileSync('src/panels/slo/plugin.json', path.join(distDir, 'panels', 'slo', 'plugin.json'));
  fs.writeFileSync(path.join(distDir, 'module.js'), 'define([], function () { return {}; });\n');
  fs.mkdirSync(path.join(provisioningDir, 'datasources'), { recursive: true });
  fs.mkdirSync(path.join(provisioningDir, 'dashboards'), { recursive: true });
  fs.copyFileSync(
    'provisioning/datasources/prometheus.yaml',
    path.join(provisioningDir, 'datasources', 'prometheus.yaml')
  );
  fs.copyFileSync(
    'provisioning/dashboards/dashboards.yaml',
    path.join(provisioningDir, 'dashboards', 'dashboards.yaml')
  );
  for (const [file, dashboard] of Object.entries(dashboards)) {
    fs.writeFileSync(path.join(provisioningDir, 'dashboards', file), JSON.stringify(dashboard));
  }
  fs.mkdirSync(pageDir);
  fs.writeFileSync(
    path.join(pageDir, 'index.html'),
    '<!doctype html><html><head><!--BOOT_DATA--></head><body></body></html>\n'
  );
  return { root, distDir, provisioningDir, pageDir, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** A host on a free port serving `fixture`; no Prometheus unless the options give one. */
export function startHost(fixture: Fixture, options: Partial<HostServerOptions> = {}): Promise<HostServer> {
  return createHostServer({
    port: 0,
    prometheusUrl: 'http://127.0.0.1:9',
    distDir: fixture.distDir,
    pageDir: fixture.pageDir,
    provisioningDir: fixture.provisioningDir,
    ...options,
  });
}
