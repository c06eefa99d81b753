/**
 * The app's settings in memory, with Grafana's rules and messages as the test host has them
 * (tests/host/server/pluginSettings.ts): everyone reads them, only org Admins (`plugins:write`)
 * write them, and a write replaces `jsonData` whole.
 */
import { PLUGIN_ID } from '../../constants';
import { accessDenied, type FakeGrafana, type FakeRoute, failWith, ok } from './fakeGrafana';

type Json = Record<string, unknown>;

export interface AppSettingsState {
  enabled: boolean;
  pinned: boolean;
  /** null until saved with some, as Grafana answers. */
  jsonData: Json | null;
}

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const copy = (value: Json): Json => JSON.parse(JSON.stringify(value));

export function newAppSettingsState(): AppSettingsState {
  return { enabled: true, pinned: true, jsonData: null };
}

export function pluginSettingsRoutes(grafana: FakeGrafana): FakeRoute[] {
  const state = () => grafana.appSettings;
  return [
    {
      method: 'GET',
      specPath: '/plugins/{pluginId}/settings',
      handle: ({ params }) => {
        if (params.pluginId !== PLUGIN_ID) {
          return failWith(404, 'Plugin not found, no installed plugin with that id');
        }
        const { enabled, pinned, jsonData } = state();
        return ok({
          ...{ name: 'Nines', type: 'app', id: PLUGIN_ID, enabled, pinned, autoEnabled: false },
          ...{ module: `public/plugins/${PLUGIN_ID}/module.js`, baseUrl: `public/plugins/${PLUGIN_ID}` },
          ...{ info: {}, includes: [], dependencies: {}, extensions: {} },
          ...{ jsonData: jsonData && copy(jsonData), secureJsonFields: {}, defaultNavUrl: `/a/${PLUGIN_ID}/slos` },
          ...{ latestVersion: '', hasUpdate: false, state: '', signature: 'unsigned', signatureType: '' },
          ...{ signatureOrg: '', angularDetected: false, loadingStrategy: 'script' },
        });
      },
    },
    {
      method: 'POST',
      specPath: '/plugins/{pluginId}/settings',
      handle: ({ params, body, user }) => {
        if (user.role !== 'Admin') {
          return accessDenied('plugins:write');
        }
        if (params.pluginId !== PLUGIN_ID) {
          return failWith(404, 'Plugin not installed');
        }
        const command = isRecord(body) ? body : {};
        // Go's zero values: what the body leaves out is false or null, never kept from before.
        grafana.appSettings = {
          enabled: command.enabled === true,
          pinned: command.pinned === true,
          jsonData: isRecord(command.jsonData) ? copy(command.jsonData) : null,
        };
        return ok({ message: 'Plugin settings updated' });
      },
    },
  ];
}
