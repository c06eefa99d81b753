import { getPanelOptionsWithDefaults, type FieldConfigSource, type PanelModel, type PanelPlugin } from '@grafana/data';
import { config } from '@grafana/runtime';
import type { DashboardPanel } from '../dashboard/model';

export interface PreparedPanelOptions {
  options: Record<string, unknown>;
  fieldConfig: FieldConfigSource;
  pluginVersion: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What Grafana's VizPanel does when a panel's plugin has loaded: run the plugin's migration
 * handler when the saved pluginVersion differs from the plugin's version (or the plugin's
 * shouldMigrate asks for it), then fill in the defaults of its option builder and field config.
 */
export async function preparePanelOptions(plugin: PanelPlugin, panel: DashboardPanel): Promise<PreparedPanelOptions> {
  const model: PanelModel<unknown> = {
    id: panel.id,
    type: plugin.meta.id,
    title: panel.title,
    options: panel.options ?? {},
    fieldConfig: panel.fieldConfig,
    pluginVersion: panel.pluginVersion,
    datasource: panel.datasource,
    targets: panel.targets,
  };
  const currentVersion = plugin.meta.info.version || config.buildInfo.version;
  const needsMigration = currentVersion !== panel.pluginVersion || plugin.shouldMigrate?.(model) === true;
  if (plugin.onPanelMigration && needsMigration) {
    // Migration handlers may also rewrite model.fieldConfig in place, as Grafana allows.
    const migrated: unknown = await plugin.onPanelMigration(model);
    model.options = migrated;
  }
  const withDefaults = getPanelOptionsWithDefaults({
    plugin,
    currentOptions: isRecord(model.options) ? model.options : {},
    currentFieldConfig: model.fieldConfig,
    isAfterPluginChange: false,
  });
  const options: unknown = withDefaults.options;
  return {
    options: isRecord(options) ? options : {},
    fieldConfig: withDefaults.fieldConfig,
    pluginVersion: currentVersion,
  };
}
