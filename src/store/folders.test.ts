import { config } from '@grafana/runtime';

import { listFolders } from './index';
import { type FakeGrafana, installFakeGrafana, signIn, signOut, valueOf } from './testing';

let grafana: FakeGrafana;

beforeEach(() => {
  grafana = installFakeGrafana();
  signIn(grafana, 'editor');
});

afterEach(signOut);

describe('listFolders', () => {
  it('lists General and the folders, with whether the user may save SLOs in each', async () => {
    expect(valueOf(await listFolders())).toEqual([
      { uid: '', title: 'General', canEdit: true },
      { uid: 'platform', title: 'Platform', canEdit: false },
      { uid: 'slos', title: 'SLOs', canEdit: true },
    ]);
    expect(grafana.calls.map((call) => `${call.method} ${call.path}?${call.query}`)).toEqual([
      'GET /api/folders?limit=1000&page=1',
      'GET /api/folders/platform?',
      'GET /api/folders/slos?',
    ]);
  });

  it('lets a Viewer edit no folder', async () => {
    signIn(grafana, 'viewer');
    expect(valueOf(await listFolders()).map((folder) => folder.canEdit)).toEqual([false, false, false]);
  });

  it("follows the user's permissions for the General folder when Grafana sends them", async () => {
    config.bootData.user.permissions = { 'library.panels:create': false };
    expect(valueOf(await listFolders())[0]).toEqual({ uid: '', title: 'General', canEdit: false });
  });

  it('reads every page of folders', async () => {
    for (let index = 0; index < 1000; index++) {
      grafana.addFolder(`team-${index}`, `Team ${index}`, ['Editor']);
    }
    const folders = valueOf(await listFolders());
    expect(folders).toHaveLength(1003);
    expect(grafana.callsTo('GET', '/api/folders').map((call) => call.query.get('page'))).toEqual(['1', '2']);
  });

  it('says when Grafana cannot be reached', async () => {
    grafana.outage = 'offline';
    const result = await listFolders();
    expect(result.ok ? undefined : result.error).toMatchObject({
      kind: 'network',
      message:
        'Could not load the folders: Grafana could not be reached (no answer). Try again when the connection is back.',
    });
  });
});
