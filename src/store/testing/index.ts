/** Test helpers for code that uses the store: an in-memory Grafana behind @grafana/runtime's BackendSrv. */
import { setBackendSrv } from '@grafana/runtime';

import { FakeGrafana } from './fakeGrafana';

export { FakeGrafana, USERS, type FakeDashboard, type FakeFolder, type Outage, type RecordedCall } from './fakeGrafana';
export { errorOf, valueOf } from './results';
export { signIn, signOut } from './signIn';

/** A fresh in-memory Grafana, installed as the BackendSrv; the signed-in user is an Editor. */
export function installFakeGrafana(): FakeGrafana {
  const grafana = new FakeGrafana();
  setBackendSrv(grafana);
  return grafana;
}
