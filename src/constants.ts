import pluginJson from './plugin.json';

export const PLUGIN_BASE_URL = `/a/${pluginJson.id}`;

export enum ROUTES {
  Slos = 'slos',
}

/** The absolute URL of one of the app's routes, e.g. `/a/nines-slo-app/slos`. */
export function prefixRoute(route: ROUTES): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}

/**
 * The route of one SLO's page, relative to the app (for `<Route path>`). Not in ROUTES: ROUTES
 * are the pages plugin.json lists in the nav; an SLO's page is reached from the list.
 */
export const SLO_DETAIL_ROUTE = `${ROUTES.Slos}/:uid`;

/** The page of one SLO in the app. */
export function sloPageUrl(uid: string): string {
  return `${prefixRoute(ROUTES.Slos)}/${encodeURIComponent(uid)}`;
}
