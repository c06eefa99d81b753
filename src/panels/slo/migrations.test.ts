import { migrateSloPanelOptions } from './migrations';
import { defaultSloPanelOptions, type SingleSloPanelOptions, type SloPanelOptions } from './types';

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

  const version2: SingleSloPanelOptions = {
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

  it('keeps every field of a version 2 panel and adds the overview block with its defaults', () => {
    expect(migrateSloPanelOptions({ options: JSON.parse(JSON.stringify(version2)) })).toEqual({
      ...version2,
      overview: { teams: '', services: '', labels: '', granularity: 'month', large: false },
    });
  });

  it('gives a version 1 panel the overview defaults next to its objective', () => {
    expect(migrateSloPanelOptions({ options: { target: 99.5, window: '28d' } }).overview).toEqual(
      defaultSloPanelOptions.overview
    );
  });

  it('keeps every field of a version 3 panel, the overview view and its filters included', () => {
    const stored: SloPanelOptions = {
      ...version2,
      view: 'overview',
      overview: { teams: '$team', services: 'checkout, search', labels: 'tier=1', granularity: 'week', large: true },
    };
    expect(migrateSloPanelOptions({ options: JSON.parse(JSON.stringify(stored)) })).toEqual(stored);
  });

  it('replaces overview values of the wrong type with the defaults and keeps the others', () => {
    const migrated = migrateSloPanelOptions({
      options: {
        view: 'overview',
        overview: { teams: ['payments'], services: 'checkout', granularity: 'day', large: 'yes' },
      },
    });
    expect(migrated.view).toBe('overview');
    expect(migrated.overview).toEqual({ ...defaultSloPanelOptions.overview, services: 'checkout' });
    expect(migrateSloPanelOptions({ options: { overview: 'payments' } }).overview).toEqual(
      defaultSloPanelOptions.overview
    );
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
