/**
 * The three users of the host and who is signed in: a cookie names the user, as a session cookie
 * would in Grafana. Permissions follow Grafana's basic roles.
 */
import type { IncomingMessage } from 'http';

import { type ApiRoute, ok } from './routes';

export type OrgRole = 'Viewer' | 'Editor' | 'Admin';

export interface HostUser {
  id: number;
  uid: string;
  login: string;
  name: string;
  email: string;
  orgRole: OrgRole;
  isGrafanaAdmin: boolean;
}

export const USER_COOKIE = 'nines_host_user';

export const users: Record<string, HostUser> = {
  admin: {
    id: 1,
    uid: 'admin',
    login: 'admin',
    name: 'Admin',
    email: 'admin@localhost',
    orgRole: 'Admin',
    isGrafanaAdmin: true,
  },
  editor: {
    id: 2,
    uid: 'editor',
    login: 'editor',
    name: 'Editor',
    email: 'editor@localhost',
    orgRole: 'Editor',
    isGrafanaAdmin: false,
  },
  viewer: {
    id: 3,
    uid: 'viewer',
    login: 'viewer',
    name: 'Viewer',
    email: 'viewer@localhost',
    orgRole: 'Viewer',
    isGrafanaAdmin: false,
  },
};

export function userFromCookie(request: IncomingMessage): HostUser {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const [name, value] = pair.trim().split('=');
    if (name === USER_COOKIE && value !== undefined && users[value]) {
      return users[value];
    }
  }
  return users.admin;
}

const viewerActions = [
  'datasources:query',
  'dashboards:read',
  'folders:read',
  'library.panels:read',
  'alert.rules:read',
];
const editorActions = [
  'datasources:explore',
  'dashboards:create',
  'dashboards:write',
  'dashboards:delete',
  'folders:create',
  'library.panels:create',
  'library.panels:write',
  'library.panels:delete',
  'alert.rules:create',
  'alert.rules:write',
  'alert.rules:delete',
];
const adminActions = [
  'datasources:read',
  'datasources:write',
  'folders:write',
  'folders:delete',
  'plugins:write',
  'org.users:read',
];

/** RBAC actions of the user's basic role, the shape of `bootData.user.permissions`. */
export function permissionsOf(user: HostUser): Record<string, boolean> {
  const actions = [
    ...viewerActions,
    ...(user.orgRole === 'Viewer' ? [] : editorActions),
    ...(user.orgRole === 'Admin' ? adminActions : []),
  ];
  return Object.fromEntries(actions.map((action) => [action, true]));
}

/** Grafana's answer when the RBAC middleware denies an action (pkg/services/accesscontrol). */
export function accessDenied(action: string): { status: number; body: { title: string; message: string } } {
  return {
    status: 403,
    body: {
      title: 'Access denied',
      message: `You'll need additional permissions to perform this action. Permissions needed: ${action}`,
    },
  };
}

/** GET /api/user: the signed-in user (UserProfileDTO). */
export function userRoute(startedAt: number): ApiRoute {
  const time = new Date(startedAt).toISOString();
  return {
    method: 'GET',
    specPath: '/user',
    handle: ({ user }) =>
      ok({
        id: user.id,
        uid: user.uid,
        login: user.login,
        email: user.email,
        name: user.name,
        orgId: 1,
        theme: '',
        isGrafanaAdmin: user.isGrafanaAdmin,
        isDisabled: false,
        isExternal: false,
        isExternallySynced: false,
        isGrafanaAdminExternallySynced: false,
        isProvisioned: false,
        authLabels: [],
        avatarUrl: `/avatar/${user.uid}`,
        createdAt: time,
        updatedAt: time,
      }),
  };
}
