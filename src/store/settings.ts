/**
 * The app's settings, kept by Grafana as the app plugin's `jsonData`
 * (`GET`/`POST /api/plugins/nines-slo-app/settings`). Everyone reads them; saving needs the org
 * Admin role (`plugins:write`). Grafana replaces `jsonData` whole, so a save reads the current
 * settings first and keeps what Nines does not know, and sends `enabled` and `pinned` back as read.
 */
import { PLUGIN_ID } from '../constants';
import { appSettingsToJsonData, readAppSettings, validateAppSettings, type AppSettings } from '../spec/settings';
import { commonFailure, fail, plural, type StoreResult, succeed, unexpectedAnswer } from './errors';
import { send, type StoreRequest } from './http';

const SETTINGS_URL = `/api/plugins/${PLUGIN_ID}/settings`;
const READING = "load the app's settings";
const SAVING = "save the app's settings";

/** What Grafana holds for the app: the switches to send back, and `jsonData` as it is. */
interface PluginSettings {
  enabled: boolean;
  pinned: boolean;
  jsonData: unknown;
}

function readPluginSettings(data: unknown): PluginSettings | undefined {
  if (typeof data !== 'object' || data === null || !('enabled' in data) || !('pinned' in data)) {
    return undefined;
  }
  const { enabled, pinned } = data;
  const jsonData = 'jsonData' in data ? data.jsonData : undefined;
  return typeof enabled === 'boolean' && typeof pinned === 'boolean' ? { enabled, pinned, jsonData } : undefined;
}

async function getPluginSettings(): Promise<StoreResult<PluginSettings>> {
  const request: StoreRequest = { method: 'GET', url: SETTINGS_URL };
  const answer = await send(request);
  if (!answer.ok) {
    return fail(commonFailure(answer, request, READING));
  }
  const settings = readPluginSettings(answer.data);
  return settings ? succeed(settings) : fail(unexpectedAnswer(request, READING, "the app plugin's settings"));
}

/**
 * The app's settings: what new SLOs start with. A setting Nines cannot read takes its default
 * (see `readAppSettings`), so only an unreachable Grafana makes this fail.
 */
export async function loadAppSettings(): Promise<StoreResult<AppSettings>> {
  const current = await getPluginSettings();
  return current.ok ? succeed(readAppSettings(current.value.jsonData)) : current;
}

/** Saves the settings (validated first; nothing is sent for invalid ones) and gives them back as saved. */
export async function saveAppSettings(settings: AppSettings): Promise<StoreResult<AppSettings>> {
  const errors = validateAppSettings(settings);
  if (errors.length > 0) {
    return fail({
      kind: 'invalid',
      errors,
      message: `The settings have ${plural(errors.length, 'problem')} to fix before they can be saved.`,
    });
  }
  const current = await getPluginSettings();
  if (!current.ok) {
    return current;
  }
  const { enabled, pinned, jsonData } = current.value;
  const saved = appSettingsToJsonData(settings, jsonData);
  const request: StoreRequest = { method: 'POST', url: SETTINGS_URL, data: { enabled, pinned, jsonData: saved } };
  const answer = await send(request);
  if (answer.ok) {
    return succeed(readAppSettings(saved));
  }
  if (answer.status === 403) {
    return fail({
      kind: 'forbidden',
      status: answer.status,
      serverMessage: answer.message,
      message:
        "Only organization Admins may change the app's settings, and Grafana refused: " +
        `"${answer.message}". Ask an Admin to change them, or for the Admin role.`,
    });
  }
  return fail(commonFailure(answer, request, SAVING));
}
