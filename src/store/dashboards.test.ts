import { OrgRole } from '@grafana/data';
import { config } from '@grafana/runtime';

import { ratioSlo } from '../spec/testing';
import { DASHBOARD_SCHEMA_VERSION, withSloPanel } from './dashboardModel';
import { addSloToDashboard, canWriteDashboards, createSlo, deleteSlo, searchDashboards } from './index';
import { errorOf, type FakeGrafana, installFakeGrafana, signOut, valueOf } from './testing';

let grafana: FakeGrafana;

beforeEach(() => {
  grafana = installFakeGrafana();
});

afterEach(signOut);

const slo = { uid: 'checkout-availability', name: 'Checkout availability' };

const savedBodies = () => grafana.callsTo('POST', '/api/dashboards/db').map((call) => call.body);

/** A stored dashboard with a stat panel and a collapsed row holding another panel. */
function serviceBoard(options: { provisioned?: boolean; folderUid?: string } = {}) {
  return grafana.addDashboard('service', 'Service overview', [], {
    folderUid: options.folderUid ?? 'slos',
    provisioned: options.provisioned,
    model: {
      title: 'Service overview',
      schemaVersion: 39,
      time: { from: 'now-6h', to: 'now' },
      panels: [
        { id: 1, type: 'stat', title: 'Requests', gridPos: { x: 0, y: 0, w: 24, h: 6 } },
        {
          id: 2,
          type: 'row',
          collapsed: true,
          gridPos: { x: 0, y: 6, w: 24, h: 1 },
          panels: [{ id: 7, type: 'timeseries', gridPos: { x: 0, y: 7, w: 12, h: 8 } }],
        },
      ],
    },
  });
}

describe('adding an SLO to a new dashboard', () => {
  it('saves a dashboard over the last 30 days holding the library panel, and links to it', async () => {
    const added = valueOf(await addSloToDashboard(slo, { kind: 'new', title: ' Checkout SLOs ', folderUid: 'slos' }));

    expect(savedBodies()).toEqual([
      {
        dashboard: {
          title: 'Checkout SLOs',
          schemaVersion: DASHBOARD_SCHEMA_VERSION,
          editable: true,
          tags: [],
          timezone: 'browser',
          time: { from: 'now-30d', to: 'now' },
          panels: [
            {
              id: 1,
              type: 'nines-slo-panel',
              title: 'Checkout availability',
              gridPos: { x: 0, y: 0, w: 12, h: 8 },
              libraryPanel: { uid: 'checkout-availability', name: 'Checkout availability' },
            },
          ],
        },
        folderUid: 'slos',
        overwrite: false,
        message: 'Nines: add the SLO "Checkout availability"',
      },
    ]);
    expect(added).toEqual({
      uid: expect.any(String),
      title: 'Checkout SLOs',
      url: `/d/${added.uid}/checkout-slos`,
      added: true,
    });
  });

  it('asks for a title before sending anything', async () => {
    const error = errorOf(await addSloToDashboard(slo, { kind: 'new', title: '  ', folderUid: '' }));
    expect(error).toMatchObject({ kind: 'invalid', errors: [{ path: 'title', message: 'is required' }] });
    expect(grafana.calls).toEqual([]);
  });

  it('names the folder the user may not save dashboards in', async () => {
    const error = errorOf(await addSloToDashboard(slo, { kind: 'new', title: 'Board', folderUid: 'platform' }));
    expect(error).toMatchObject({ kind: 'forbidden', folderName: 'Platform' });
    expect(error.message).toBe(
      'You may not save dashboards in folder "Platform": ask an admin for Edit permission on it.'
    );
  });

  it("connects the SLO's library panel, so that Grafana keeps the SLO while the dashboard uses it", async () => {
    valueOf(await createSlo({ ...ratioSlo(), folderUid: 'slos' }));
    valueOf(await addSloToDashboard(slo, { kind: 'new', title: 'Checkout SLOs', folderUid: '' }));

    const refused = errorOf(await deleteSlo(slo.uid));
    expect(refused).toMatchObject({
      kind: 'inUse',
      connections: [expect.objectContaining({ title: 'Checkout SLOs' })],
    });
  });
});

describe('adding an SLO to a stored dashboard', () => {
  it('appends the panel below the others with a fresh id, keeping the version read and the folder', async () => {
    serviceBoard();

    const added = valueOf(await addSloToDashboard(slo, { kind: 'existing', uid: 'service' }));

    expect(added).toEqual({
      uid: 'service',
      title: 'Service overview',
      url: '/d/service/service-overview',
      added: true,
    });
    const [body] = savedBodies();
    expect(body).toMatchObject({ folderUid: 'slos', overwrite: false, dashboard: { uid: 'service', version: 1 } });
    const panels = (body as { dashboard: { panels: unknown[] } }).dashboard.panels;
    expect(panels).toHaveLength(3);
    expect(panels[2]).toEqual({
      id: 8,
      type: 'nines-slo-panel',
      title: 'Checkout availability',
      gridPos: { x: 0, y: 7, w: 12, h: 8 },
      libraryPanel: { uid: 'checkout-availability', name: 'Checkout availability' },
    });
    expect(grafana.dashboards[0]).toMatchObject({ version: 2, libraryPanelUids: ['checkout-availability'] });
  });

  it('leaves a dashboard that already shows the SLO as it is', async () => {
    grafana.addDashboard('board', 'Board', [slo.uid], { folderUid: 'slos' });
    expect(valueOf(await addSloToDashboard(slo, { kind: 'existing', uid: 'board' }))).toMatchObject({ added: false });
    expect(savedBodies()).toEqual([]);
  });

  it('reports a conflict when someone saved the dashboard meanwhile, and overwrites nothing', async () => {
    const board = serviceBoard();
    // Someone saves between Nines' read and its save.
    const original = grafana.fetch.bind(grafana);
    jest.spyOn(grafana, 'fetch').mockImplementation((options) => {
      if (options.method === 'POST') {
        board.version = 5;
      }
      return original(options);
    });

    const error = errorOf(await addSloToDashboard(slo, { kind: 'existing', uid: 'service' }));

    expect(error).toMatchObject({ kind: 'conflict', uid: 'service', status: 412 });
    expect(error.message).toBe(
      'Someone saved "Service overview" while Nines was adding the SLO: nothing was overwritten. Try again to add it to their version.'
    );
    expect(board.libraryPanelUids).toEqual([]);
  });

  it('explains that Grafana does not save provisioned dashboards', async () => {
    serviceBoard({ provisioned: true });
    const error = errorOf(await addSloToDashboard(slo, { kind: 'existing', uid: 'service' }));
    expect(error).toMatchObject({ kind: 'forbidden', status: 400 });
    expect(error.message).toBe(
      '"Service overview" is provisioned from a file, and Grafana does not save changes to it. Add the SLO to another dashboard, or add its library panel to the file.'
    );
  });

  it('says when the dashboard is gone', async () => {
    expect(errorOf(await addSloToDashboard(slo, { kind: 'existing', uid: 'gone' }))).toMatchObject({
      kind: 'notFound',
      message: 'The dashboard "gone" does not exist (any more).',
    });
  });

  it("explains that Grafana's v2 dashboards cannot be changed through the dashboard API", async () => {
    grafana.failNext(406, 'dashboard api version not supported');
    expect(errorOf(await addSloToDashboard(slo, { kind: 'existing', uid: 'service' })).message).toContain(
      'Add > Import from library'
    );
  });
});

describe('the dashboard model', () => {
  it('puts the panel at the top of an empty dashboard, with id 1', () => {
    expect(withSloPanel({ title: 'Empty' }, slo).panels).toEqual([
      expect.objectContaining({ id: 1, gridPos: { x: 0, y: 0, w: 12, h: 8 } }),
    ]);
  });
});

describe('searching dashboards', () => {
  it('finds dashboards by title, with their folder', async () => {
    serviceBoard();
    grafana.addDashboard('other', 'Payments', []);

    expect(valueOf(await searchDashboards('serv'))).toEqual([
      { uid: 'service', title: 'Service overview', folderTitle: 'SLOs' },
    ]);
    expect(Object.fromEntries(grafana.callsTo('GET', '/api/search')[0].query)).toEqual({
      type: 'dash-db',
      query: 'serv',
      limit: '30',
    });
  });
});

describe('who may add SLOs to dashboards', () => {
  it('follows the dashboards actions when Grafana sends permissions, else the role', () => {
    config.bootData.user.permissions = { 'dashboards:read': true, 'dashboards:write': true };
    expect(canWriteDashboards()).toBe(true);
    config.bootData.user.permissions = { 'dashboards:read': true };
    config.bootData.user.orgRole = OrgRole.Editor;
    expect(canWriteDashboards()).toBe(false);
    config.bootData.user.permissions = undefined;
    expect(canWriteDashboards()).toBe(true);
    config.bootData.user.orgRole = OrgRole.Viewer;
    expect(canWriteDashboards()).toBe(false);
  });
});
