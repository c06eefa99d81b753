import { PanelOptionsEditorBuilder, standardEditorsRegistry } from '@grafana/data';
import { plugin } from './module';
import { migrateSloPanelOptions } from './migrations';
import { defaultSloPanelOptions, type SloPanelOptions } from './types';

// Grafana fills this registry with its editors at start; the builder only needs their ids here.
standardEditorsRegistry.setInit(() =>
  ['radio', 'number', 'select', 'text'].map((id) => ({ id, name: id, editor: () => null }))
);

function registeredDefaults(): Record<string, unknown> {
  const builder = new PanelOptionsEditorBuilder<SloPanelOptions>();
  plugin.getPanelOptionsSupplier()(builder, { data: [] });
  const options: Record<string, unknown> = {};
  for (const item of builder.getItems()) {
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
});
