/**
 * What the signed-in user may do, from Grafana's boot data. Grafana checks again on every
 * request: these only decide which controls the app shows.
 */
import { OrgRole } from '@grafana/data';
import { config } from '@grafana/runtime';

/**
 * Whether the user may create library panels, hence SLOs: the `library.panels:create` action when
 * Grafana sends permissions, else the Editor or Admin role. Folder permissions still apply per SLO.
 */
export function canWriteSlos(): boolean {
  const user = config.bootData?.user;
  const allowed = user?.permissions?.['library.panels:create'];
  return allowed ?? (user?.orgRole === OrgRole.Editor || user?.orgRole === OrgRole.Admin);
}

/**
 * Whether the user may save dashboards, hence add an SLO's panel to one: `dashboards:create` or
 * `dashboards:write` when Grafana sends permissions, else the Editor or Admin role. Folder
 * permissions still apply per dashboard.
 */
export function canWriteDashboards(): boolean {
  const user = config.bootData?.user;
  const permissions = user?.permissions;
  // Grafana lists the actions a user holds; one it leaves out is one the user lacks.
  if (permissions && Object.keys(permissions).length > 0) {
    return permissions['dashboards:create'] === true || permissions['dashboards:write'] === true;
  }
  return user?.orgRole === OrgRole.Editor || user?.orgRole === OrgRole.Admin;
}

/** App settings (`POST /api/plugins/:id/settings`) need the org Admin role. */
export function canWriteAppSettings(): boolean {
  return config.bootData?.user?.orgRole === OrgRole.Admin;
}

/**
 * Whether the user may create Grafana-managed alert rules: `alert.rules:create` when Grafana sends
 * permissions, else the Editor or Admin role. Folder permissions still apply per rule group.
 */
export function canWriteAlertRules(): boolean {
  const user = config.bootData?.user;
  const permissions = user?.permissions;
  if (permissions && Object.keys(permissions).length > 0) {
    return permissions['alert.rules:create'] === true;
  }
  return user?.orgRole === OrgRole.Editor || user?.orgRole === OrgRole.Admin;
}
