import pluginJson from './plugin.json';

export const PLUGIN_BASE_URL = `/a/${pluginJson.id}`;

export enum ROUTES {
  Slos = 'slos',
}

/** The absolute URL of one of the app's routes, e.g. `/a/nines-slo-app/slos`. */
export function prefixRoute(route: ROUTES): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}

/** The page of one SLO in the app. */
export function sloPageUrl(uid: string): string {
  return `${prefixRoute(ROUTES.Slos)}/${encodeURIComponent(uid)}`;
}
