/**
 * `window.grafanaBootData`, which Grafana writes into every page and @grafana/runtime's `config`
 * reads when it is first evaluated: settings (plugins, data sources, build info), the signed-in
 * user and the nav tree.
 */
import fs from 'fs';
import path from 'path';

import { type Datasource, datasourceMeta } from './datasources';
import { type JsonObject, isRecord, recordAt, stringAt } from './json';
import { type HostUser, permissionsOf } from './users';

export const APP_ID = 'nines-slo-app';
export const PLUGIN_BASE = `public/plugins/${APP_ID}`;
export const BOOT_DATA_MARKER = '<!--BOOT_DATA-->';
export const GRAFANA_VERSION = '12.3.0';

export type Theme = 'light' | 'dark';

export interface BootDataInput {
  user: HostUser;
  theme: Theme;
  /** The host's origin, e.g. http://127.0.0.1:3000. */
  origin: string;
  datasources: Datasource[];
  distDir: string;
}

export function readPluginJson(file: string): JsonObject {
  if (!fs.existsSync(file)) {
    throw new Error(`host: ${file} is missing: run npm run build first`);
  }
  const plugin: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!isRecord(plugin)) {
    throw new Error(`host: ${file} is not a JSON object`);
  }
  return plugin;
}

/** Plugin info as Grafana serves it: logo paths made absolute under the plugin's base URL. */
export function pluginInfo(plugin: JsonObject, baseUrl: string): JsonObject {
  const info = recordAt(plugin, 'info') ?? {};
  const logos = recordAt(info, 'logos') ?? {};
  const absolute = (logo: string | undefined) => (logo ? `${baseUrl}/${logo}` : '');
  return { ...info, logos: { small: absolute(stringAt(logos, 'small')), large: absolute(stringAt(logos, 'large')) } };
}

function dependencies(plugin: JsonObject): JsonObject {
  const declared = recordAt(plugin, 'dependencies') ?? {};
  return {
    grafanaDependency: stringAt(declared, 'grafanaDependency') ?? '',
    grafanaVersion: '*',
    plugins: [],
    extensions: { exposedComponents: [] },
  };
}

const noAngular = { detected: false, hideDeprecation: false };

/** Core panels the host page may ask config.panels about; Grafana lists every installed panel. */
function corePanel(id: string, name: string, sort: number): JsonObject {
  const baseUrl = `public/app/plugins/panel/${id}`;
  const logo = `${baseUrl}/img/icn-${id}-panel.svg`;
  return {
    id,
    name,
    type: 'panel',
    info: {
      author: { name: 'Grafana Labs' },
      description: '',
      links: [],
      logos: { small: logo, large: logo },
      screenshots: [],
      updated: '',
      version: '',
    },
    module: `core:plugin/${id}`,
    baseUrl,
    sort,
    hideFromList: false,
    skipDataQuery: false,
    angular: noAngular,
    signature: 'internal',
  };
}

function panels(distDir: string): JsonObject {
  const plugin = readPluginJson(path.join(distDir, 'panels', 'slo', 'plugin.json'));
  const baseUrl = `${PLUGIN_BASE}/panels/slo`;
  const id = stringAt(plugin, 'id') ?? '';
  return {
    [id]: {
      id,
      name: stringAt(plugin, 'name'),
      type: 'panel',
      info: pluginInfo(plugin, baseUrl),
      module: `${baseUrl}/module.js`,
      baseUrl,
      sort: 100,
      hideFromList: false,
      skipDataQuery: false,
      angular: noAngular,
      loadingStrategy: 'script',
      dependencies: dependencies(plugin),
      signature: 'unsigned',
    },
    timeseries: corePanel('timeseries', 'Time series', 0),
    stat: corePanel('stat', 'Stat', 1),
    gauge: corePanel('gauge', 'Gauge', 2),
    table: corePanel('table', 'Table', 4),
    text: corePanel('text', 'Text', 10),
  };
}

function apps(distDir: string): JsonObject {
  const plugin = readPluginJson(path.join(distDir, 'plugin.json'));
  return {
    [APP_ID]: {
      id: APP_ID,
      path: `${PLUGIN_BASE}/module.js`,
      version: stringAt(recordAt(plugin, 'info') ?? {}, 'version') ?? '',
      preload: plugin.preload === true,
      angular: noAngular,
      loadingStrategy: 'script',
      dependencies: dependencies(plugin),
      extensions: {
        addedComponents: [],
        addedFunctions: [],
        addedLinks: [],
        exposedComponents: [],
        extensionPoints: [],
      },
      buildMode: stringAt(plugin, 'buildMode') ?? 'production',
    },
  };
}

function datasourceSettings(datasources: Datasource[]): JsonObject {
  return Object.fromEntries(
    datasources.map((datasource) => [
      datasource.name,
      {
        id: datasource.id,
        uid: datasource.uid,
        type: datasource.type,
        name: datasource.name,
        meta: datasourceMeta(datasource.type),
        url: `/api/datasources/proxy/uid/${datasource.uid}`,
        isDefault: datasource.isDefault,
        access: datasource.access,
        jsonData: datasource.jsonData,
        readOnly: true,
      },
    ])
  );
}

export function bootData({ user, theme, origin, datasources, distDir }: BootDataInput): JsonObject {
  return {
    settings: {
      appUrl: `${origin}/`,
      appSubUrl: '',
      buildInfo: {
        version: GRAFANA_VERSION,
        versionString: `Grafana v${GRAFANA_VERSION} (Nines test host)`,
        commit: 'nines-test-host',
        commitShort: 'host',
        buildstamp: 0,
        env: 'production',
        edition: 'Open Source',
        latestVersion: GRAFANA_VERSION,
        hasUpdate: false,
        hideVersion: false,
      },
      featureToggles: {},
      defaultDatasource: datasources.find((datasource) => datasource.isDefault)?.name ?? '',
      datasources: datasourceSettings(datasources),
      panels: panels(distDir),
      apps: apps(distDir),
      namespace: 'default',
      rbacEnabled: true,
      unifiedAlertingEnabled: true,
      unifiedAlerting: { minInterval: '10s' },
    },
    user: {
      isSignedIn: true,
      id: user.id,
      uid: user.uid,
      externalUserId: '',
      login: user.login,
      email: user.email,
      name: user.name,
      theme,
      lightTheme: theme === 'light',
      orgCount: 1,
      orgId: 1,
      orgName: 'Main Org.',
      orgRole: user.orgRole,
      isGrafanaAdmin: user.isGrafanaAdmin,
      gravatarUrl: `/avatar/${user.uid}`,
      timezone: 'utc',
      weekStart: '',
      language: 'en-US',
      permissions: permissionsOf(user),
      analytics: { identifier: user.login },
      authenticatedBy: 'password',
    },
    navTree: [],
    assets: { light: '', dark: '' },
  };
}

/** The page with the boot data script in place of the marker; `<` is escaped so JSON cannot end the script. */
export function renderPage(html: string, data: JsonObject): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return html.replace(BOOT_DATA_MARKER, `<script>window.grafanaBootData = ${json};</script>`);
}
