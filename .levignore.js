// Read by levitate (scripts/compat.sh) from the repository root. Each entry is a known false report;
// say why next to it.
module.exports = {
  changes: [
    // Same signature in @grafana/data 12.3.0 and 13.2.3:
    //   setMigrationHandler(handler: PanelMigrationHandler<TOptions>, shouldMigrate?: (panel: PanelModel) => boolean)
    // with the same PanelMigrationHandler and PanelMigrationModel. Only the .d.ts import changed to
    // `import { type PanelMigrationHandler }`, which levitate reports as a changed parameter type.
    'PanelPlugin.setMigrationHandler',
    // The store reads only config.bootData.user.orgRole and .permissions, which @grafana/runtime
    // 12.3.0 has as 13.2.3 does. Levitate reports the whole GrafanaBootConfig class as changed
    // because 13.x adds and drops unrelated fields (e.g. regionalFormat, liveNamespaced).
    'config',
  ],
};
