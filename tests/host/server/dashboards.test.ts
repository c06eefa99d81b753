/**
 * @jest-environment node
 */
import type { HostServer } from './index';
import { type Client, type Fixture, clientsFor, makeFixture, startHost } from './testing';

let fixture: Fixture;
let host: HostServer;
const { admin, editor, viewer } = clientsFor(() => host.url);
const NOW = Date.UTC(2025, 0, 31, 12, 0);

beforeAll(async () => {
  // The repository's provider file, which does not allow UI updates, provisions this one.
  fixture = makeFixture({ 'service.json': { uid: 'service', title: 'Service', panels: [] } });
  host = await startHost(fixture, { now: () => NOW });
  const element = await admin('POST', '/api/library-elements', {
    uid: 'checkout',
    folderUid: 'slos',
    name: 'Checkout availability',
    kind: 1,
    model: { type: 'nines-slo-panel', title: 'Checkout availability' },
  });
  expect(element.status).toBe(200);
});

afterAll(async () => {
  await host.close();
  fixture.remove();
});

/** A panel that references the library panel, as the app adds it. */
const sloPanel = (id: number, y = 0) => ({
  id,
  type: 'nines-slo-panel',
  title: 'Checkout availability',
  gridPos: { x: 0, y, w: 12, h: 8 },
  libraryPanel: { uid: 'checkout', name: 'Checkout availability' },
});

function save(client: Client, dashboard: Record<string, unknown>, folderUid = 'slos', overwrite = false) {
  return client('POST', '/api/dashboards/db', { dashboard, folderUid, overwrite, message: 'test' });
}

async function body(client: Client, path: string): Promise<Record<string, unknown>> {
  const answer = await client('GET', path);
  return typeof answer.body === 'object' && answer.body !== null ? { ...answer.body } : {};
}

/** The dashboards connected to the library panel, by uid. */
async function connectionUids(): Promise<string[]> {
  const { result } = await body(viewer, '/api/library-elements/checkout/connections/');
  return (Array.isArray(result) ? result : []).map((connection) =>
    typeof connection === 'object' && connection !== null && 'connectionUid' in connection
      ? String(connection.connectionUid)
      : ''
  );
}

describe('saving dashboards', () => {
  it('creates a dashboard at version 1 that reads back, turns up in search and uses the library panel', async () => {
    const saved = await save(editor, { uid: 'checkout-slos', title: 'Checkout SLOs', panels: [sloPanel(1)] });

    expect(saved).toEqual({
      status: 200,
      body: {
        id: expect.any(Number),
        uid: 'checkout-slos',
        url: '/d/checkout-slos/checkout-slos',
        status: 'success',
        version: 1,
        slug: 'checkout-slos',
        title: 'Checkout SLOs',
        folderUid: 'slos',
      },
    });
    expect(await body(viewer, '/api/dashboards/uid/checkout-slos')).toMatchObject({
      dashboard: { uid: 'checkout-slos', title: 'Checkout SLOs', version: 1, panels: [sloPanel(1)] },
      meta: {
        folderUid: 'slos',
        provisioned: false,
        createdBy: 'editor',
        created: new Date(NOW).toISOString(),
        url: '/d/checkout-slos/checkout-slos',
      },
    });
    const found = await viewer('GET', '/api/search?type=dash-db&query=checkout');
    expect(found.body).toEqual([expect.objectContaining({ uid: 'checkout-slos', title: 'Checkout SLOs' })]);

    const element = await body(viewer, '/api/library-elements/checkout');
    expect(element).toMatchObject({ result: { meta: { connectedDashboards: 1 } } });
    const connections = await viewer('GET', '/api/library-elements/checkout/connections/');
    expect(connections.body).toEqual({ result: [expect.objectContaining({ connectionUid: 'checkout-slos' })] });
    expect(await editor('DELETE', '/api/library-elements/checkout')).toEqual({
      status: 403,
      body: { message: 'the library element has connections' },
    });
  });

  it('saves a new version against the version read, and refuses a stale one unless told to overwrite', async () => {
    await save(editor, { uid: 'versions', title: 'Versions', panels: [] });

    const second = await save(editor, { uid: 'versions', title: 'Versions', version: 1, panels: [sloPanel(1)] });
    const stale = await save(editor, { uid: 'versions', title: 'Versions', version: 1, panels: [] });
    const overwritten = await save(editor, { uid: 'versions', title: 'Versions', panels: [] }, 'slos', true);

    expect(second.body).toMatchObject({ version: 2 });
    expect(stale).toEqual({
      status: 412,
      body: { message: 'The dashboard has been changed by someone else', status: 'version-mismatch' },
    });
    expect(overwritten.body).toMatchObject({ version: 3 });
    expect(await body(viewer, '/api/dashboards/uid/versions')).toMatchObject({
      dashboard: { version: 3, panels: [] },
      meta: { version: 3, updatedBy: 'editor' },
    });
  });

  it('disconnects a library panel that a saved dashboard no longer holds', async () => {
    await save(editor, { uid: 'short-lived', title: 'Short-lived', panels: [sloPanel(1)] });
    expect(await connectionUids()).toContain('short-lived');

    await save(editor, { uid: 'short-lived', title: 'Short-lived', version: 1, panels: [] });

    expect(await connectionUids()).not.toContain('short-lived');
  });

  it('refuses to save a provisioned dashboard whose provider does not allow UI updates', async () => {
    const provisioned = await body(editor, '/api/dashboards/uid/service');
    const dashboard = typeof provisioned.dashboard === 'object' ? provisioned.dashboard : {};

    const answer = await save(editor, { ...dashboard, panels: [sloPanel(1)] });

    expect(answer).toEqual({ status: 400, body: { message: 'Cannot save provisioned dashboard' } });
    expect(await connectionUids()).not.toContain('service');
  });

  it('follows folder permissions and roles', async () => {
    expect(await save(viewer, { title: 'By a viewer' })).toMatchObject({ status: 403 });
    expect(await save(editor, { title: 'In Platform' }, 'platform')).toEqual({
      status: 403,
      body: { message: 'Access denied to save dashboard' },
    });
    expect(await save(admin, { title: 'In Platform' }, 'platform')).toMatchObject({ status: 200 });
    expect(await save(editor, { title: 'In General' }, '')).toMatchObject({ status: 200, body: { folderUid: '' } });
  });

  it("answers Grafana's errors for a missing title, folder or dashboard", async () => {
    expect(await save(editor, { title: ' ' })).toEqual({
      status: 400,
      body: { message: 'Dashboard title cannot be empty', status: 'empty-name' },
    });
    expect(await save(editor, { title: 'Nowhere' }, 'no-such-folder')).toEqual({
      status: 400,
      body: { message: 'folder not found' },
    });
    expect(await save(editor, { id: 999, uid: 'never-saved', title: 'Gone' })).toMatchObject({ status: 404 });
    expect(await editor('GET', '/api/dashboards/uid/never-saved')).toMatchObject({ status: 404 });
  });
});

describe('deleting dashboards', () => {
  it('deletes a saved dashboard, which then is gone and no longer keeps its library panel', async () => {
    await save(editor, { uid: 'to-delete', title: 'To delete', panels: [sloPanel(1)] });
    expect(await connectionUids()).toContain('to-delete');

    expect(await editor('DELETE', '/api/dashboards/uid/to-delete')).toEqual({
      status: 200,
      body: { title: 'To delete', message: 'Dashboard To delete deleted', uid: 'to-delete' },
    });

    expect(await viewer('GET', '/api/dashboards/uid/to-delete')).toMatchObject({ status: 404 });
    expect((await viewer('GET', '/api/search?query=To%20delete')).body).toEqual([]);
    expect(await connectionUids()).not.toContain('to-delete');
    expect(await editor('DELETE', '/api/dashboards/uid/to-delete')).toEqual({
      status: 404,
      body: { message: 'Dashboard not found', status: 'not-found' },
    });
  });

  it('refuses viewers, editors outside their folders, and provisioned dashboards', async () => {
    await save(admin, { uid: 'platform-board', title: 'Platform board' }, 'platform');
    await save(editor, { uid: 'slos-board', title: 'SLOs board' });

    expect(await viewer('DELETE', '/api/dashboards/uid/slos-board')).toMatchObject({ status: 403 });
    expect(await editor('DELETE', '/api/dashboards/uid/platform-board')).toMatchObject({ status: 403 });
    expect(await admin('DELETE', '/api/dashboards/uid/service')).toEqual({
      status: 400,
      body: { message: 'provisioned dashboard cannot be deleted' },
    });
    expect(await admin('DELETE', '/api/dashboards/uid/platform-board')).toMatchObject({ status: 200 });
    expect(await viewer('GET', '/api/dashboards/uid/slos-board')).toMatchObject({ status: 200 });
    expect(await viewer('GET', '/api/dashboards/uid/service')).toMatchObject({ status: 200 });
  });
});
