/**
 * @jest-environment node
 */
import fs from 'fs';
import path from 'path';

import type { HostServer } from './index';
import { type Client, type Fixture, clientsFor, makeFixture, startHost } from './testing';

let fixture: Fixture;
let host: HostServer;
const { admin, editor, viewer } = clientsFor(() => host.url);
const NOW = Date.UTC(2025, 0, 31, 12, 0);

// A provisioned dashboard that uses the seeded element inside a row, so it counts as connected.
const serviceDashboard = {
  uid: 'service',
  title: 'Service',
  panels: [
    { type: 'row', title: 'SLOs', panels: [{ id: 2, libraryPanel: { uid: 'connected-slo', name: 'Connected SLO' } }] },
  ],
};

beforeAll(async () => {
  fixture = makeFixture({ 'service.json': serviceDashboard });
  const seedFile = path.join(fixture.root, 'library-elements.json');
  fs.writeFileSync(
    seedFile,
    JSON.stringify([
      { uid: 'connected-slo', name: 'Connected SLO', folderUid: 'slos', model: { type: 'nines-slo-panel' } },
    ])
  );
  host = await startHost(fixture, {
    libraryElementsFile: seedFile,
    now: () => NOW,
  });
});

afterAll(async () => {
  await host.close();
  fixture.remove();
});

function sloPanel(title: string, type = 'nines-slo-panel') {
  return { type, title, description: `${title} objective`, options: { objective: 99.9 } };
}

async function create(client: Client, folderUid: string, name: string, type?: string) {
  return client('POST', '/api/library-elements', { folderUid, name, kind: 1, model: sloPanel(name, type) });
}

describe('library elements', () => {
  it('creates an element at version 1 in its folder, with the model type and description synced', async () => {
    const answer = await create(editor, 'slos', 'Checkout availability');

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      result: expect.objectContaining({
        name: 'Checkout availability',
        kind: 1,
        type: 'nines-slo-panel',
        description: 'Checkout availability objective',
        folderUid: 'slos',
        version: 1,
        model: sloPanel('Checkout availability'),
        meta: expect.objectContaining({
          folderName: 'SLOs',
          folderUid: 'slos',
          connectedDashboards: 0,
          created: '2025-01-31T12:00:00.000Z',
          createdBy: expect.objectContaining({ name: 'editor' }),
        }),
      }),
    });
  });

  it('gets an element by uid', async () => {
    const created = await create(editor, 'slos', 'Checkout latency');
    const uid = (created.body as { result: { uid: string } }).result.uid;

    const answer = await viewer('GET', `/api/library-elements/${uid}`);

    expect(answer).toEqual({ status: 200, body: created.body });
  });

  it('keeps the uid a client chooses and refuses a second element with it', async () => {
    const first = await admin('POST', '/api/library-elements', {
      uid: 'chosen-uid',
      folderUid: 'slos',
      name: 'Chosen',
      kind: 1,
      model: sloPanel('Chosen'),
    });
    const second = await admin('POST', '/api/library-elements', {
      uid: 'chosen-uid',
      folderUid: 'slos',
      name: 'Other',
      kind: 1,
      model: sloPanel('Other'),
    });

    expect(first.body).toMatchObject({ result: { uid: 'chosen-uid' } });
    expect(second).toEqual({ status: 400, body: { message: 'library element with that name or UID already exists' } });
  });

  it('searches by text, panel type and folder, with paging and sorting', async () => {
    await create(admin, 'platform', 'Search: payments availability');
    await create(admin, 'platform', 'Search: payments latency');
    await create(admin, 'slos', 'Search: search availability');
    await create(admin, 'slos', 'Search: notes', 'text');

    const names = async (query: string) => {
      const answer = await viewer('GET', `/api/library-elements?${query}`);
      const result = (
        answer.body as {
          result: { totalCount: number; page: number; perPage: number; elements: Array<{ name: string }> };
        }
      ).result;
      return { ...result, elements: result.elements.map((element) => element.name) };
    };

    expect((await names('searchString=search%3A')).elements).toEqual([
      'Search: notes',
      'Search: payments availability',
      'Search: payments latency',
      'Search: search availability',
    ]);
    expect((await names('searchString=PAYMENTS')).elements).toEqual([
      'Search: payments availability',
      'Search: payments latency',
    ]);
    expect((await names('searchString=search%3A&typeFilter=text')).elements).toEqual(['Search: notes']);
    expect((await names('searchString=search%3A&folderFilterUIDs=platform')).elements).toEqual([
      'Search: payments availability',
      'Search: payments latency',
    ]);
    expect(await names('searchString=search%3A&perPage=2&page=2&sortDirection=alpha-desc')).toEqual({
      totalCount: 4,
      page: 2,
      perPage: 2,
      elements: ['Search: payments availability', 'Search: notes'],
    });
  });

  it('patches with the current version and bumps it, keeping what the patch leaves out', async () => {
    const created = await create(editor, 'slos', 'Patch me');
    const uid = (created.body as { result: { uid: string } }).result.uid;

    const answer = await editor('PATCH', `/api/library-elements/${uid}`, {
      kind: 1,
      version: 1,
      model: sloPanel('Patched'),
    });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      result: {
        uid,
        name: 'Patch me',
        version: 2,
        model: sloPanel('Patched'),
        meta: { updatedBy: { name: 'editor' } },
      },
    });
  });

  it("refuses a stale version with Grafana's conflict", async () => {
    const created = await create(editor, 'slos', 'Edited twice');
    const uid = (created.body as { result: { uid: string } }).result.uid;
    await editor('PATCH', `/api/library-elements/${uid}`, { kind: 1, version: 1, name: 'Edited once' });

    const stale = await admin('PATCH', `/api/library-elements/${uid}`, { kind: 1, version: 1, name: 'Lost update' });

    expect(stale).toEqual({ status: 412, body: { message: 'the library element has been changed by someone else' } });
  });

  it('refuses to delete an element a provisioned dashboard uses, and lists that connection', async () => {
    const deleted = await admin('DELETE', '/api/library-elements/connected-slo');
    const connections = await viewer('GET', '/api/library-elements/connected-slo/connections/');
    const element = await viewer('GET', '/api/library-elements/connected-slo');

    expect(deleted).toEqual({ status: 403, body: { message: 'the library element has connections' } });
    expect(connections.body).toEqual({ result: [expect.objectContaining({ connectionUid: 'service', kind: 1 })] });
    expect(element.body).toMatchObject({ result: { meta: { connectedDashboards: 1 } } });
  });

  it('deletes an element nobody uses', async () => {
    const created = await create(editor, 'slos', 'Delete me');
    const uid = (created.body as { result: { uid: string } }).result.uid;

    const deleted = await editor('DELETE', `/api/library-elements/${uid}`);
    const after = await editor('GET', `/api/library-elements/${uid}`);

    expect(deleted.body).toEqual({ message: 'Library element deleted', id: expect.any(Number) });
    expect(after).toEqual({ status: 404, body: { message: 'library element could not be found' } });
  });
});

describe('library element permissions', () => {
  it('refuses every write of a Viewer', async () => {
    const created = await create(viewer, 'slos', 'By a viewer');
    const patched = await viewer('PATCH', '/api/library-elements/connected-slo', { kind: 1, version: 1, name: 'x' });
    const deleted = await viewer('DELETE', '/api/library-elements/connected-slo');

    expect([created.status, patched.status, deleted.status]).toEqual([403, 403, 403]);
    expect(created.body).toEqual({
      title: 'Access denied',
      message: "You'll need additional permissions to perform this action. Permissions needed: library.panels:create",
    });
  });

  it('lets an Editor write in slos but not in platform, where only Admins may', async () => {
    const inSlos = await create(editor, 'slos', 'Editor in slos');
    const inPlatform = await create(editor, 'platform', 'Editor in platform');
    const byAdmin = await create(admin, 'platform', 'Admin in platform');
    const adminUid = (byAdmin.body as { result: { uid: string } }).result.uid;
    const editorPatch = await editor('PATCH', `/api/library-elements/${adminUid}`, {
      kind: 1,
      version: 1,
      name: 'Taken over',
    });

    expect(inSlos.status).toBe(200);
    expect(inPlatform).toEqual({ status: 403, body: { message: 'access denied to folder' } });
    expect(byAdmin.status).toBe(200);
    expect(editorPatch.status).toBe(403);
  });

  it('refuses an Editor moving an element into platform', async () => {
    const created = await create(editor, 'slos', 'Move me');
    const uid = (created.body as { result: { uid: string } }).result.uid;

    const moved = await editor('PATCH', `/api/library-elements/${uid}`, { kind: 1, version: 1, folderUid: 'platform' });

    expect(moved).toEqual({ status: 403, body: { message: 'access denied to folder' } });
  });
});

describe('folders', () => {
  it('tells each user what they may do in a folder', async () => {
    const platformForEditor = await editor('GET', '/api/folders/platform');
    const platformForAdmin = await admin('GET', '/api/folders/platform');
    const slosForViewer = await viewer('GET', '/api/folders/slos');

    expect(platformForEditor.body).toMatchObject({
      uid: 'platform',
      title: 'Platform',
      canEdit: false,
      canSave: false,
      canAdmin: false,
      canDelete: false,
    });
    expect(platformForAdmin.body).toMatchObject({ canEdit: true, canSave: true, canAdmin: true, canDelete: true });
    expect(slosForViewer.body).toMatchObject({ uid: 'slos', canEdit: false });
  });

  it('lists the folders an Editor may edit', async () => {
    const all = await editor('GET', '/api/folders');
    const editable = await editor('GET', '/api/folders?permission=Edit');

    expect(all.body).toEqual([
      { id: expect.any(Number), uid: 'platform', title: 'Platform' },
      { id: expect.any(Number), uid: 'slos', title: 'SLOs' },
    ]);
    expect(editable.body).toEqual([{ id: expect.any(Number), uid: 'slos', title: 'SLOs' }]);
  });

  it('lets an Editor create a folder and refuses a Viewer', async () => {
    const byEditor = await editor('POST', '/api/folders', { uid: 'team-a', title: 'Team A' });
    const byViewer = await viewer('POST', '/api/folders', { title: 'Team B' });

    expect(byEditor.body).toMatchObject({ uid: 'team-a', title: 'Team A', canEdit: true });
    expect(byViewer.status).toBe(403);
  });
});

describe('provisioned dashboards', () => {
  it('answers a dashboard of the file provider with its folder and permissions', async () => {
    const forEditor = await editor('GET', '/api/dashboards/uid/service');
    const forViewer = await viewer('GET', '/api/dashboards/uid/service');

    expect(forEditor.body).toMatchObject({
      dashboard: { uid: 'service', title: 'Service', version: 1 },
      meta: {
        url: '/d/service/service',
        folderUid: 'slos',
        folderTitle: 'SLOs',
        folderUrl: '/dashboards/f/slos/slos',
        canEdit: true,
        provisioned: true,
        provisionedExternalId: 'service.json',
      },
    });
    expect(forViewer.body).toMatchObject({ meta: { canEdit: false, canSave: false } });
  });

  it('finds dashboards and folders by title', async () => {
    const dashboards = await viewer('GET', '/api/search?type=dash-db&query=serv');
    const folders = await viewer('GET', '/api/search?query=slo');

    expect(dashboards.body).toEqual([
      expect.objectContaining({
        uid: 'service',
        type: 'dash-db',
        url: '/d/service/service',
        folderUid: 'slos',
        folderUrl: '/dashboards/f/slos/slos',
      }),
    ]);
    expect(folders.body).toEqual([
      expect.objectContaining({ uid: 'slos', type: 'dash-folder', url: '/dashboards/f/slos/slos' }),
    ]);
  });
});
