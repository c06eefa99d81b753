import { PanelPlugin } from '@grafana/data';
import { migrateSloPanelOptions } from './migrations';
import { SloPanel } from './SloPanel';
import { defaultSloPanelOptions, sloWindows, type SloPanelOptions } from './types';

export const plugin = new PanelPlugin<SloPanelOptions>(SloPanel)
  .setMigrationHandler(migrateSloPanelOptions)
  .setPanelOptions((builder) =>
    builder
      .addNumberInput({
        path: 'target',
        name: 'Objective (%)',
        description: 'Share of good events the service promises, in percent, e.g. 99.9.',
        defaultValue: defaultSloPanelOptions.target,
        settings: { min: 0, max: 100 },
      })
      .addSelect({
        path: 'window',
        name: 'Window',
        description: 'Period over which the objective is measured.',
        defaultValue: defaultSloPanelOptions.window,
        settings: { options: sloWindows.map((window) => ({ value: window, label: window })) },
      })
  );
