/** Grafana's identifier rules, as SLO specs use them. */

const GRAFANA_UID = /^[a-zA-Z0-9_-]{1,40}$/;
const PLUGIN_TYPE = /^[a-z0-9][a-z0-9._-]*$/;

export const UID_RULE = '1 to 40 characters of a-z, A-Z, 0-9, - and _';

/** Grafana's uid rule for dashboards, folders, library panels and datasources. */
export function isGrafanaUid(text: string): boolean {
  return GRAFANA_UID.test(text);
}

/** A datasource plugin id such as `prometheus` or `grafana-postgresql-datasource`. */
export function isPluginType(text: string): boolean {
  return PLUGIN_TYPE.test(text);
}
