import { OrgRole } from '@grafana/data';
import { config } from '@grafana/runtime';

import { type FakeGrafana, USERS } from './fakeGrafana';

/** The boot data's user before any test signed someone in. */
const signedOut = { ...config.bootData.user };

/**
 * Signs a user in to the fake Grafana, and to the boot data the app reads permissions from
 * (`bootRole` differs when Grafana changed the user's role after the page loaded).
 */
export function signIn(grafana: FakeGrafana, login: keyof typeof USERS, bootRole = USERS[login].role): void {
  grafana.signIn(login);
  config.bootData.user = { ...signedOut, orgRole: OrgRole[bootRole], permissions: undefined };
}

/** Puts back the boot data's user as it was before any test signed in. */
export function signOut(): void {
  config.bootData.user = { ...signedOut };
}
