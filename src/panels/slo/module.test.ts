import { PanelOptionsEditorBuilder, standardEditorsRegistry } from '@grafana/data';
import { plugin } from './module';
import { migrateSloPanelOptions } from './migrations';
import { defaultSloPanelOptions, type SloPanelOptions } from './types';

// Grafana fills this registry with its editors at start; the builder only needs their ids here.
standardEditorsRegistry.setInit(() =>
  ['radio', 'number', 'select', 'text', 'boolean'].map((id) => ({ id, name: id, editor: () => null }))
);

function registeredItems() {
  const builder = new PanelOptionsEditorBuilder<SloPanelOptions>();
  plugin.getPanelOptionsSupplier()(builder, { data: [] });
  return builder.getItems();
}

function registeredDefaults(): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const item of registeredItems()) {
    const keys = item.path.split('.');
    let node = options;
    for (const key of keys.slice(0, -1)) {
      node = (node[key] ??= {}) as Record<string, unknown>;
    }
    node[keys[keys.length - 1]] = item.defaultValue;
  }
  return options;
}

describe('Nines SLO panel plugin', () => {
  it('migrates stored options from the first version on', () => {
    expect(plugin.onPanelMigration).toBe(migrateSloPanelOptions);
  });

  it('offers an editor for every option, with the defaults a new panel starts from', () => {
    expect(registeredDefaults()).toEqual(defaultSloPanelOptions);
  });

  /** The paths of the options the editor shows for these options. */
  function shownPaths(options: SloPanelOptions): string[] {
    return registeredItems()
      .filter((item) => item.showIf === undefined || item.showIf(options, undefined))
      .map((item) => item.path);
  }

  it('offers the overview as a view, with its filters and layout in an Overview category', () => {
    const view = registeredItems().find((item) => item.path === 'view');
    expect(view?.settings?.options).toContainEqual({ value: 'overview', label: 'Overview' });
    const overviewItems = registeredItems().filter((item) => item.path.startsWith('overview.'));
    expect(overviewItems.map((item) => item.path)).toEqual([
      'overview.teams',
      'overview.services',
      'overview.labels',
      'overview.granularity',
      'overview.large',
    ]);
    expect(overviewItems.every((item) => item.category?.[0] === 'Overview')).toBe(true);
  });

  it('shows only the overview options in the overview view: each stored SLO brings its own objective and queries', () => {
    expect(shownPaths({ ...defaultSloPanelOptions, view: 'overview' })).toEqual([
      'view',
      'overview.teams',
      'overview.services',
      'overview.labels',
      'overview.granularity',
      'overview.large',
    ]);
  });

  it('hides the overview options in the views of one SLO and shows the options of that SLO', () => {
    for (const view of ['summary', 'trend', 'budget', 'alerts'] as const) {
      const shown = shownPaths({ ...defaultSloPanelOptions, view });
      expect(shown.filter((path) => path.startsWith('overview.'))).toEqual([]);
      expect(shown).toEqual(
        expect.arrayContaining(['objective.target', 'queries.eventKind', 'alerting.tiers', 'sloUid'])
      );
    }
    const timeslices = {
      ...defaultSloPanelOptions,
      objective: { ...defaultSloPanelOptions.objective, budgetingMethod: 'Timeslices' as const },
    };
    expect(shownPaths(timeslices)).toEqual(
      expect.arrayContaining(['objective.timeSliceWindow', 'objective.timeSliceTarget'])
    );
    expect(shownPaths({ ...timeslices, view: 'overview' })).not.toContain('objective.timeSliceWindow');
  });
});
