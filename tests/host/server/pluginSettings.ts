/**
 * The app's settings: `GET` and `POST /api/plugins/:pluginId/settings`, kept in memory and seeded
 * from `provisioning/plugins/*.yaml` as Grafana provisions apps (`disabled`, `jsonData`). Anyone
 * signed in may read them; writing needs `plugins:write` (org Admins), and replaces `jsonData`
 * whole, as Grafana does.
 *
 * Grafana's published API description does not list these two operations, so
 * pluginSettings.description.json describes them from Grafana's source (its `info` says where
 * from); the contract check uses it like api-merged.json, and so does the store's contract test.
 */
import fs from 'fs';
import path from 'path';
import YAML from 'yaml';

import { APP_ID, PLUGIN_BASE, pluginInfo, readPluginJson } from './bootData';
import type { DescriptionSupplement } from './contract';
import { type JsonObject, arrayAt, booleanAt, cloneJson, isRecord, recordAt, stringAt } from './json';
import { type ApiRoute, fail, ok } from './routes';
import { accessDenied, permissionsOf } from './users';
import description from './pluginSettings.description.json';

const SETTINGS_PATH = '/plugins/{pluginId}/settings';

export const pluginSettingsDescription: DescriptionSupplement = {
  source: 'the plugin settings description (tests/host/server/pluginSettings.description.json)',
  paths: description.paths,
  definitions: description.definitions,
};

export interface AppSettingsState {
  enabled: boolean;
  pinned: boolean;
  jsonData: JsonObject | null;
}

/** The app's settings as `provisioning/plugins/*.yaml` provisions them; enabled when none do. */
export function readAppSettingsState(provisioningDir: string): AppSettingsState {
  const state: AppSettingsState = { enabled: true, pinned: true, jsonData: null };
  const folder = path.join(provisioningDir, 'plugins');
  const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((file) => /\.ya?ml$/.test(file)) : [];
  for (const file of files.sort()) {
    const document: unknown = YAML.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
    for (const app of (isRecord(document) ? arrayAt(document, 'apps') : undefined) ?? []) {
      if (isRecord(app) && stringAt(app, 'type') === APP_ID) {
        state.enabled = booleanAt(app, 'disabled') !== true;
        const jsonData = recordAt(app, 'jsonData');
        state.jsonData = jsonData ? cloneJson(jsonData) : null;
      }
    }
  }
  return state;
}

/** The app's page Grafana opens first: the include marked defaultNav. */
function defaultNavUrl(plugin: JsonObject): string {
  const includes = (arrayAt(plugin, 'includes') ?? []).filter(isRecord);
  const page = includes.find((include) => booleanAt(include, 'defaultNav') === true);
  return (page ? stringAt(page, 'path') : undefined)?.replace('%PLUGIN_ID%', APP_ID) ?? '';
}

export function pluginSettingsRoutes(state: AppSettingsState, distDir: string): ApiRoute[] {
  const notInstalled = (pluginId: string) => pluginId !== APP_ID;
  return [
    {
      method: 'GET',
      specPath: SETTINGS_PATH,
      handle: ({ params }) => {
        if (notInstalled(params.pluginId)) {
          return fail(404, 'Plugin not found, no installed plugin with that id');
        }
        const plugin = readPluginJson(path.join(distDir, 'plugin.json'));
        return ok({
          name: stringAt(plugin, 'name') ?? APP_ID,
          type: 'app',
          id: APP_ID,
          enabled: state.enabled,
          pinned: state.pinned,
          autoEnabled: false,
          module: `${PLUGIN_BASE}/module.js`,
          baseUrl: PLUGIN_BASE,
          info: pluginInfo(plugin, PLUGIN_BASE),
          includes: (arrayAt(plugin, 'includes') ?? []).filter(isRecord),
          dependencies: recordAt(plugin, 'dependencies') ?? {},
          extensions: { addedComponents: [], addedLinks: [], exposedComponents: [], extensionPoints: [] },
          jsonData: state.jsonData && cloneJson(state.jsonData),
          secureJsonFields: {},
          defaultNavUrl: defaultNavUrl(plugin),
          latestVersion: '',
          hasUpdate: false,
          state: '',
          signature: 'unsigned',
          signatureType: '',
          signatureOrg: '',
          angularDetected: false,
          loadingStrategy: 'script',
        });
      },
    },
    {
      method: 'POST',
      specPath: SETTINGS_PATH,
      handle: ({ params, body, user }) => {
        if (!permissionsOf(user)['plugins:write']) {
          return accessDenied('plugins:write');
        }
        if (notInstalled(params.pluginId)) {
          return fail(404, 'Plugin not installed');
        }
        const command = isRecord(body) ? body : {};
        // Go's zero values: what the body leaves out is false or null, never kept from before.
        state.enabled = booleanAt(command, 'enabled') ?? false;
        state.pinned = booleanAt(command, 'pinned') ?? false;
        const jsonData = recordAt(command, 'jsonData');
        state.jsonData = jsonData ? cloneJson(jsonData) : null;
        return ok({ message: 'Plugin settings updated' });
      },
    },
  ];
}
