/** @jest-environment node */
import { defaultAlerting } from './defaults';
import {
  appSettingsToJsonData,
  defaultAppSettings,
  newSloWithSettings,
  readAppSettings,
  validateAppSettings,
  type AppSettings,
} from './settings';

const saved: AppSettings = {
  defaultFolderUid: 'slos',
  defaultDatasource: { uid: 'prometheus-main', type: 'prometheus' },
  alerting: {
    tiers: [{ severity: 'page', longWindow: '1h', shortWindow: '5m', budgetShare: 2, enabled: true }],
    minEvents: 50,
  },
};

describe('readAppSettings', () => {
  it('reads back what appSettingsToJsonData wrote', () => {
    expect(readAppSettings(appSettingsToJsonData(saved, undefined))).toEqual(saved);
  });

  it('gives the defaults for missing or unreadable jsonData', () => {
    for (const jsonData of [undefined, null, 'text', 42, [], {}]) {
      expect(readAppSettings(jsonData)).toEqual(defaultAppSettings());
    }
  });

  it('replaces only the broken fields by their defaults', () => {
    const jsonData = {
      defaultFolderUid: 'not a uid!',
      defaultDatasource: saved.defaultDatasource,
      alerting: { tiers: saved.alerting.tiers, minEvents: -3 },
    };
    expect(readAppSettings(jsonData)).toEqual({
      defaultFolderUid: '',
      defaultDatasource: saved.defaultDatasource,
      alerting: { tiers: saved.alerting.tiers, minEvents: defaultAlerting().minEvents },
    });
  });

  it('falls back to the default tiers when any tier is broken, keeping the minimum events', () => {
    const tiers = [saved.alerting.tiers[0], { ...saved.alerting.tiers[0], shortWindow: '2h' }];
    expect(readAppSettings({ alerting: { tiers, minEvents: 10 } }).alerting).toEqual({
      tiers: defaultAlerting().tiers,
      minEvents: 10,
    });
    expect(readAppSettings({ alerting: { tiers: 'page', minEvents: 10 } }).alerting.tiers).toEqual(
      defaultAlerting().tiers
    );
  });

  it('drops a datasource that is not a uid and a plugin type', () => {
    for (const defaultDatasource of [
      { uid: 'x' },
      { uid: '', type: 'prometheus' },
      { uid: 'x', type: 'Not A Type' },
      'x',
    ]) {
      expect(readAppSettings({ defaultDatasource }).defaultDatasource).toBeNull();
    }
  });
});

describe('appSettingsToJsonData', () => {
  it('keeps keys Nines does not know and replaces its own', () => {
    const previous = { futureSetting: { on: true }, defaultFolderUid: 'old', alerting: { tiers: [] } };
    expect(appSettingsToJsonData(saved, previous)).toEqual({
      futureSetting: { on: true },
      defaultFolderUid: 'slos',
      defaultDatasource: saved.defaultDatasource,
      alerting: saved.alerting,
    });
  });

  it('writes no datasource as null and never shares objects with the settings', () => {
    const settings = { ...saved, defaultDatasource: null };
    const jsonData = appSettingsToJsonData(settings, null);
    expect(jsonData.defaultDatasource).toBeNull();
    expect(jsonData.alerting).not.toBe(settings.alerting);
  });
});

describe('validateAppSettings', () => {
  it('accepts the defaults and saved settings', () => {
    expect(validateAppSettings(defaultAppSettings())).toEqual([]);
    expect(validateAppSettings(saved)).toEqual([]);
  });

  it("checks the tiers with an SLO's alerting rules, naming each field", () => {
    const tiers = [
      { ...saved.alerting.tiers[0], shortWindow: '2h' },
      { ...saved.alerting.tiers[0], budgetShare: 0, longWindow: 'soon' },
    ];
    expect(validateAppSettings({ ...saved, alerting: { tiers, minEvents: -1 } })).toEqual([
      { path: 'alerting.tiers[0].shortWindow', message: 'must be shorter than the long window 1h, got 2h' },
      { path: 'alerting.tiers[1].longWindow', message: 'must be a duration like 1h, got "soon"' },
      {
        path: 'alerting.tiers[1].budgetShare',
        message: 'must be a percentage of the budget above 0 and at most 100, got 0',
      },
      { path: 'alerting.minEvents', message: 'must be 0 or more, got -1' },
    ]);
  });
});

describe('newSloWithSettings', () => {
  it('starts a new SLO in the default folder, datasource and alerting', () => {
    const slo = newSloWithSettings(saved);
    expect(slo.folderUid).toBe('slos');
    expect(slo.sli.datasource).toEqual(saved.defaultDatasource);
    expect(slo.alerting).toEqual(saved.alerting);
    expect(slo.alerting.tiers[0]).not.toBe(saved.alerting.tiers[0]);
  });
});
