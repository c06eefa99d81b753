/**
 * The app's settings (Grafana keeps them as the app plugin's `jsonData`): what a new SLO starts
 * with. Only org Admins can save them; everyone reads them.
 */
import { defaultAlerting, newSloSpec } from './defaults';
import type { DataSourceRef, SloAlerting, SloSpec } from './types';

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
