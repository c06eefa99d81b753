/**
 * Deleting SLOs. Grafana keeps a library panel that dashboards use (403 "the library element has
 * connections"); the error then lists those dashboards, so that the user knows where to remove it.
 */
import { commonFailure, fail, plural, type StoreResult, succeed } from './errors';
import { elementUrl, factsOf } from './elements';
import { folderTitle } from './folders';
import { send, type StoreRequest } from './http';
import { readConnections, readTitledHits } from './parse';
import type { SloConnection } from './types';

const HAS_CONNECTIONS = 'the library element has connections';

/** The dashboards using an element, with their titles when a dashboard search finds them. */
async function connectionsOf(uid: string): Promise<SloConnection[] | undefined> {
  const answer = await send({ method: 'GET', url: `${elementUrl(uid)}/connections/` });
  const connections = answer.ok ? readConnections(answer.data) : undefined;
  const uids = (connections ?? []).flatMap((connection) => connection.dashboardUid ?? []);
  if (!connections || uids.length === 0) {
    return connections;
  }
  const search = await send({ method: 'GET', url: '/api/search', params: { dashboardUIDs: uids, type: 'dash-db' } });
  const hits = (search.ok ? readTitledHits(search.data) : undefined) ?? [];
  return connections.map((connection) => ({
    ...connection,
    title: hits.find((hit) => hit.uid === connection.dashboardUid)?.title,
  }));
}

function dashboardName(connection: SloConnection): string {
  return connection.title ? `"${connection.title}"` : `dashboard ${connection.dashboardUid ?? connection.dashboardId}`;
}

/** Deletes an SLO's library panel (`DELETE /api/library-elements/:uid`). */
export async function deleteSlo(uid: string): Promise<StoreResult<void>> {
  const request: StoreRequest = { method: 'DELETE', url: elementUrl(uid) };
  const answer = await send(request);
  if (answer.ok) {
    return succeed(undefined);
  }
  const server = { status: answer.status, serverMessage: answer.message };
  if (answer.status === 404) {
    return fail({ kind: 'notFound', uid, ...server, message: `The SLO "${uid}" does not exist (any more).` });
  }
  if (answer.status !== 403) {
    return fail(commonFailure(answer, request, `delete the SLO "${uid}"`));
  }
  const facts = await factsOf(uid);
  const name = facts?.name || uid;
  if (answer.message === HAS_CONNECTIONS) {
    const connections = await connectionsOf(uid);
    const which =
      connections && connections.length > 0
        ? `${plural(connections.length, 'dashboard')} (${connections.map(dashboardName).join(', ')})`
        : 'dashboards';
    return fail({
      kind: 'inUse',
      uid,
      connections: connections ?? [],
      ...server,
      message: `"${name}" is used by ${which}: remove its panel from them first, then delete the SLO. Grafana keeps library panels that dashboards use.`,
    });
  }
  const folderUid = facts?.folderUid;
  const folderName = facts?.folderName ?? (folderUid === undefined ? undefined : await folderTitle(folderUid));
  return fail({
    kind: 'forbidden',
    ...server,
    folderUid,
    folderName,
    message: folderName
      ? `You may not delete SLOs in folder "${folderName}": ask an admin for Edit permission on it.`
      : `You may not delete the SLO "${name}": ask an admin for Edit permission on its folder.`,
  });
}
