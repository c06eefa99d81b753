import { migrateSloPanelOptions } from './migrations';
import { defaultSloPanelOptions, type SloPanelOptions } from './types';

const withObjective = (objective: Partial<SloPanelOptions['objective']>): SloPanelOptions => ({
  ...defaultSloPanelOptions,
  objective: { ...defaultSloPanelOptions.objective, ...objective },
});

describe('migrateSloPanelOptions', () => {
  it('gives a panel saved without options the defaults', () => {
    expect(migrateSloPanelOptions({ options: undefined })).toEqual(defaultSloPanelOptions);
    expect(migrateSloPanelOptions({})).toEqual(defaultSloPanelOptions);
    expect(migrateSloPanelOptions({ options: {} })).toEqual(defaultSloPanelOptions);
  });

  it('moves the objective of a version 1 panel ({ target, window }) into version 2', () => {
    expect(migrateSloPanelOptions({ options: { target: 99.5, window: '28d' } })).toEqual(
      withObjective({ target: 99.5, window: '28d' })
    );
    expect(migrateSloPanelOptions({ options: { window: '7d' } })).toEqual(withObjective({ window: '7d' }));
  });

  it('replaces version 1 values of the wrong type with the defaults and keeps the valid ones', () => {
    expect(migrateSloPanelOptions({ options: { target: '99.5', window: '7d' } })).toEqual(
      withObjective({ window: '7d' })
    );
    expect(migrateSloPanelOptions({ options: { target: Number.NaN, window: '' } })).toEqual(defaultSloPanelOptions);
    expect(migrateSloPanelOptions({ options: [99.5, '28d'] })).toEqual(defaultSloPanelOptions);
  });

  it('keeps every field of a version 2 panel', () => {
    const stored: SloPanelOptions = {
      view: 'alerts',
      objective: {
        target: 99.95,
        window: 'calendar:month',
        budgetingMethod: 'Timeslices',
        timeSliceWindow: '1m',
        timeSliceTarget: 95,
      },
      queries: { eventKind: 'bad', eventRefId: 'errors', totalRefId: 'requests', valueKind: 'increment' },
      alerting: {
        tiers: [{ severity: 'page', longWindow: '2h', shortWindow: '10m', budgetShare: 3, enabled: false }],
        minEvents: 50,
      },
      sloUid: 'checkout-availability',
    };
    expect(migrateSloPanelOptions({ options: JSON.parse(JSON.stringify(stored)) })).toEqual(stored);
  });

  it('keeps a valid-typed but wrong value so the panel can name it, and drops values of the wrong type', () => {
    const migrated = migrateSloPanelOptions({
      options: {
        view: 'pie',
        objective: { target: 100, window: 42, budgetingMethod: 'occurrences' },
        queries: { eventKind: 'errors', valueKind: 'gauge' },
        alerting: {
          tiers: [null, { severity: 'sms', longWindow: '1h', shortWindow: '5m', budgetShare: '2' }],
          minEvents: -1,
        },
      },
    });
    expect(migrated.view).toBe('summary');
    expect(migrated.objective).toEqual({ ...defaultSloPanelOptions.objective, target: 100 });
    expect(migrated.queries).toEqual(defaultSloPanelOptions.queries);
    expect(migrated.alerting).toEqual({
      tiers: [{ severity: 'ticket', longWindow: '1h', shortWindow: '5m', budgetShare: 0, enabled: true }],
      minEvents: -1,
    });
  });

  it('keeps an empty tier list: the user disabled alerting on purpose', () => {
    expect(migrateSloPanelOptions({ options: { objective: {}, alerting: { tiers: [] } } }).alerting.tiers).toEqual([]);
  });
});
