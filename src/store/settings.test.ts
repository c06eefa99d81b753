import { defaultAppSettings, type AppSettings } from '../spec/settings';
import { loadAppSettings, saveAppSettings } from './settings';
import { installFakeGrafana, type FakeGrafana } from './testing';

const SETTINGS = '/api/plugins/nines-slo-app/settings';

const settings: AppSettings = {
  defaultFolderUid: 'slos',
  defaultDatasource: { uid: 'prometheus-main', type: 'prometheus' },
  alerting: {
    tiers: [{ severity: 'page', longWindow: '1h', shortWindow: '5m', budgetShare: 2, enabled: true }],
    minEvents: 100,
  },
};

let grafana: FakeGrafana;
beforeEach(() => {
  grafana = installFakeGrafana();
});

describe('loadAppSettings', () => {
  it('gives the defaults while the app has no jsonData', async () => {
    expect(await loadAppSettings()).toEqual({ ok: true, value: defaultAppSettings() });
  });

  it('reads what an admin saved, and the defaults for fields it cannot read', async () => {
    grafana.appSettings.jsonData = { defaultFolderUid: 'slos', alerting: { tiers: 'broken', minEvents: 7 } };
    expect(await loadAppSettings()).toEqual({
      ok: true,
      value: {
        ...defaultAppSettings(),
        defaultFolderUid: 'slos',
        alerting: { ...defaultAppSettings().alerting, minEvents: 7 },
      },
    });
  });

  it('says so when Grafana cannot be reached', async () => {
    grafana.outage = 503;
    const loaded = await loadAppSettings();
    expect(loaded).toMatchObject({ ok: false, error: { kind: 'network' } });
    expect(loaded.ok || loaded.error.message).toMatch(
      /^Could not load the app's settings: Grafana could not be reached/
    );
  });
});

describe('saveAppSettings', () => {
  it('sends enabled and pinned as read and the whole jsonData, keeping keys Nines does not know', async () => {
    grafana.signIn('admin');
    grafana.appSettings = { enabled: true, pinned: false, jsonData: { fromANewerNines: [1, 2] } };

    expect(await saveAppSettings(settings)).toEqual({ ok: true, value: settings });

    const [post] = grafana.callsTo('POST', SETTINGS);
    expect(post.body).toEqual({
      enabled: true,
      pinned: false,
      jsonData: { fromANewerNines: [1, 2], ...settings },
    });
    expect(await loadAppSettings()).toEqual({ ok: true, value: settings });
  });

  it('explains that only admins may save, in Grafana’s words too', async () => {
    grafana.signIn('editor');
    const saved = await saveAppSettings(settings);

    expect(saved).toMatchObject({ ok: false, error: { kind: 'forbidden', status: 403 } });
    expect(saved.ok || saved.error.message).toBe(
      "Only organization Admins may change the app's settings, and Grafana refused: \"You'll need additional " +
        'permissions to perform this action. Permissions needed: plugins:write". Ask an Admin to change them, or for the Admin role.'
    );
    expect(grafana.appSettings.jsonData).toBeNull();
  });

  it('sends nothing for invalid settings and names each field', async () => {
    grafana.signIn('admin');
    const tiers = [{ ...settings.alerting.tiers[0], shortWindow: '2h' }];
    const saved = await saveAppSettings({ ...settings, alerting: { tiers, minEvents: -1 } });

    expect(saved).toEqual({
      ok: false,
      error: {
        kind: 'invalid',
        message: 'The settings have 2 problems to fix before they can be saved.',
        errors: [
          { path: 'alerting.tiers[0].shortWindow', message: 'must be shorter than the long window 1h, got 2h' },
          { path: 'alerting.minEvents', message: 'must be 0 or more, got -1' },
        ],
      },
    });
    expect(grafana.calls).toEqual([]);
  });

  it('writes nothing when Grafana cannot be reached to read the current settings first', async () => {
    grafana.signIn('admin');
    grafana.outage = 502;
    expect(await saveAppSettings(settings)).toMatchObject({ ok: false, error: { kind: 'network', status: 502 } });
    expect(grafana.calls.filter((call) => call.method === 'POST')).toEqual([]);
  });
});
