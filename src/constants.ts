import pluginJson from './plugin.json';

export const PLUGIN_ID = pluginJson.id;
export const PLUGIN_BASE_URL = `/a/${pluginJson.id}`;

/** The app's pages that plugin.json lists in Grafana's navigation. */
export enum ROUTES {
  Slos = 'slos',
  Import = 'import',
  Overview = 'overview',
  Config = 'config',
}

/** The absolute URL of one of the app's routes, e.g. `/a/nines-slo-app/slos`. */
export function prefixRoute(route: ROUTES): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}

/*
 * Routes relative to the app (for `<Route path>`) that are not in the nav: they are reached from
 * the list. `slos/new` is matched before `slos/:uid`, so no SLO can be named `new` in a URL.
 */
export const SLO_NEW_ROUTE = `${ROUTES.Slos}/new`;
export const SLO_DETAIL_ROUTE = `${ROUTES.Slos}/:uid`;
export const SLO_EDIT_ROUTE = `${ROUTES.Slos}/:uid/edit`;

/** The page of one SLO in the app. */
export function sloPageUrl(uid: string): string {
  return `${prefixRoute(ROUTES.Slos)}/${encodeURIComponent(uid)}`;
}

/** The editor of a new SLO. */
export function newSloUrl(): string {
  return `${PLUGIN_BASE_URL}/${SLO_NEW_ROUTE}`;
}

/** The editor of a stored SLO. */
export function editSloUrl(uid: string): string {
  return `${sloPageUrl(uid)}/edit`;
}
