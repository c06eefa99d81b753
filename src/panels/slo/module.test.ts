import { plugin } from './module';
import { migrateSloPanelOptions } from './migrations';

describe('Nines SLO panel plugin', () => {
  it('migrates stored options from the first version on', () => {
    expect(plugin.onPanelMigration).toBe(migrateSloPanelOptions);
  });
});
