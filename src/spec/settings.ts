/**
 * The app's settings (Grafana keeps them as the app plugin's `jsonData`): what a new SLO starts
 * with. Only org Admins can save them; everyone reads them.
 */
import { defaultAlerting, newSloSpec } from './defaults';
import { within } from './errorPaths';
import { isGrafanaUid, isPluginType, UID_RULE } from './names';
import { describeValue, isRecord, Problems } from './read';
import type { DataSourceRef, SloAlerting, SloSpec, SpecError } from './types';
import { validateAlerting } from './validateObjective';

export interface AppSettings {
  /** Folder of new SLOs; '' is General. */
  defaultFolderUid: string;
  /** Datasource of new SLOs; null lets the editor pick Grafana's default datasource. */
  defaultDatasource: DataSourceRef | null;
  /** Alert tiers and minimum events of new SLOs. */
  alerting: SloAlerting;
}

export function defaultAppSettings(): AppSettings {
  return { defaultFolderUid: '', defaultDatasource: null, alerting: defaultAlerting() };
}

/** A new SLO as the editor starts it, with the app's defaults. Fresh objects each time. */
export function newSloWithSettings(settings: AppSettings): SloSpec {
  const slo = newSloSpec();
  return {
    ...slo,
    folderUid: settings.defaultFolderUid,
    sli: settings.defaultDatasource ? { ...slo.sli, datasource: { ...settings.defaultDatasource } } : slo.sli,
    alerting: {
      tiers: settings.alerting.tiers.map((tier) => ({ ...tier })),
      minEvents: settings.alerting.minEvents,
    },
  };
}

function readFolderUid(value: unknown): string {
  return typeof value === 'string' && (value === '' || isGrafanaUid(value)) ? value : '';
}

function readDatasource(value: unknown): DataSourceRef | null {
  if (!isRecord(value) || typeof value.uid !== 'string' || typeof value.type !== 'string') {
    return null;
  }
  return isGrafanaUid(value.uid) && isPluginType(value.type) ? { uid: value.uid, type: value.type } : null;
}

function readAlerting(value: unknown): SloAlerting {
  const defaults = defaultAlerting();
  if (!isRecord(value)) {
    return defaults;
  }
  const problems = new Problems();
  const read = validateAlerting(
    { tiers: value.tiers, minEvents: value.minEvents ?? defaults.minEvents },
    'alerting',
    problems
  );
  const broken = (path: string) => problems.list.some((problem) => within(problem.path, path));
  return {
    tiers: broken('alerting.tiers') ? defaults.tiers : read.tiers,
    minEvents: broken('alerting.minEvents') ? defaults.minEvents : read.minEvents,
  };
}

/**
 * The settings in the app's `jsonData`, whatever it holds: a missing or broken field takes its
 * default, so that a bad setting (from another version, or edited by hand) never blocks the editor.
 */
export function readAppSettings(jsonData: unknown): AppSettings {
  const data = isRecord(jsonData) ? jsonData : {};
  return {
    defaultFolderUid: readFolderUid(data.defaultFolderUid),
    defaultDatasource: readDatasource(data.defaultDatasource),
    alerting: readAlerting(data.alerting),
  };
}

/**
 * The `jsonData` to save: Grafana replaces it whole, so the keys Nines does not know (written by
 * another version) are kept from the previous one.
 */
export function appSettingsToJsonData(settings: AppSettings, previousJsonData: unknown): Record<string, unknown> {
  const previous = isRecord(previousJsonData) ? previousJsonData : {};
  return {
    ...previous,
    defaultFolderUid: settings.defaultFolderUid,
    defaultDatasource: settings.defaultDatasource ? { ...settings.defaultDatasource } : null,
    alerting: {
      tiers: settings.alerting.tiers.map((tier) => ({ ...tier })),
      minEvents: settings.alerting.minEvents,
    },
  };
}

/** Every problem of the settings form, by field; tiers follow the rules of an SLO's alerting. */
export function validateAppSettings(settings: AppSettings): SpecError[] {
  const problems = new Problems();
  const folder = settings.defaultFolderUid;
  if (folder !== '' && !isGrafanaUid(folder)) {
    problems.add(
      'defaultFolderUid',
      `must be a folder uid (${UID_RULE}) or empty for General, got ${describeValue(folder)}`
    );
  }
  const datasource = settings.defaultDatasource;
  if (datasource && !isGrafanaUid(datasource.uid)) {
    problems.add(
      'defaultDatasource.uid',
      `must be a datasource uid (${UID_RULE}), got ${describeValue(datasource.uid)}`
    );
  }
  if (datasource && !isPluginType(datasource.type)) {
    problems.add('defaultDatasource.type', `must be a datasource plugin id, got ${describeValue(datasource.type)}`);
  }
  validateAlerting(settings.alerting, 'alerting', problems);
  return problems.list;
}
