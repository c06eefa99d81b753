import {
  AppPlugin,
  PanelPlugin,
  PluginIncludeType,
  PluginType,
  type AppPluginMeta,
  type NavLinkDTO,
  type PluginInclude,
  type PluginMetaInfo,
} from '@grafana/data';
import { config, getBackendSrv } from '@grafana/runtime';
import { importAmdModule } from '../amd/loader';

/** Thrown for Grafana's built-in panels (timeseries, stat...): their code is not in any npm package. */
export class CorePanelUnavailableError extends Error {
  constructor(readonly pluginId: string) {
    super(`'${pluginId}' is a core Grafana panel; the test host cannot draw it`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function moduleUrl(path: string): string {
  // Boot data gives module paths relative to Grafana's root ("public/plugins/<id>/module.js").
  return new URL(`${config.appSubUrl ?? ''}/${path.replace(/^\//, '')}`, window.location.origin).href;
}

async function importPluginExports(path: string): Promise<Record<string, unknown>> {
  const exports = await importAmdModule(moduleUrl(path));
  if (!isRecord(exports)) {
    throw new Error(`${path} exported ${typeof exports}, not a module object`);
  }
  return exports;
}

const panelCache = new Map<string, PanelPlugin>();
const panelLoads = new Map<string, Promise<PanelPlugin>>();

export function getPanelPluginFromCache(id: string): PanelPlugin | undefined {
  return panelCache.get(id);
}

async function loadPanelPlugin(id: string): Promise<PanelPlugin> {
  const meta = config.panels[id];
  if (!meta) {
    if (['timeseries', 'stat', 'gauge', 'bargauge', 'table', 'text', 'row', 'barchart', 'piechart'].includes(id)) {
      throw new CorePanelUnavailableError(id);
    }
    throw new Error(`Panel plugin '${id}' is not installed (it is not in boot data's panels)`);
  }
  if (meta.module.startsWith('core:')) {
    throw new CorePanelUnavailableError(id);
  }
  const exports = await importPluginExports(meta.module);
  const plugin = exports.plugin;
  // instanceof holds only if the plugin received the host's own @grafana/data: a check on sharing.
  if (!(plugin instanceof PanelPlugin)) {
    throw new Error(`${meta.module} does not export a PanelPlugin named 'plugin' from the shared @grafana/data`);
  }
  plugin.meta = meta;
  panelCache.set(id, plugin);
  return plugin;
}

/** Grafana's importPanelPlugin: the module from boot data's `panels`, loaded once. */
export function importPanelPlugin(id: string): Promise<PanelPlugin> {
  let load = panelLoads.get(id);
  if (!load) {
    load = loadPanelPlugin(id);
    panelLoads.set(id, load);
    load.catch(() => panelLoads.delete(id));
  }
  return load;
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function toInfo(value: unknown, version: string): PluginMetaInfo {
  const info = isRecord(value) ? value : {};
  const author = isRecord(info.author) ? info.author : {};
  const logos = isRecord(info.logos) ? info.logos : {};
  return {
    author: { name: text(author.name, '') },
    description: text(info.description, ''),
    links: [],
    logos: { small: text(logos.small, ''), large: text(logos.large, '') },
    screenshots: [],
    updated: text(info.updated, ''),
    version: text(info.version, version),
  };
}

function parseIncludes(value: unknown): PluginInclude[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.filter(isRecord).flatMap((include) => {
    const type = include.type;
    const name = include.name;
    if (typeof name !== 'string' || !isIncludeType(type)) {
      return [];
    }
    return [
      {
        type,
        name,
        path: typeof include.path === 'string' ? include.path : undefined,
        addToNav: include.addToNav === true,
        defaultNav: include.defaultNav === true,
      },
    ];
  });
}

function isIncludeType(value: unknown): value is PluginIncludeType {
  return Object.values(PluginIncludeType).some((type) => type === value);
}

/**
 * The app's meta as Grafana's AppRootPage has it: boot data's `apps` entry plus what Grafana's
 * backend reads from the plugin's plugin.json (name, info, includes). The host reads that file
 * where Grafana serves it; app settings (jsonData) are not stored by the host server.
 */
async function loadAppMeta(id: string): Promise<AppPluginMeta> {
  const app = config.apps[id];
  if (!app) {
    throw new Error(`App plugin '${id}' is not installed (it is not in boot data's apps)`);
  }
  const baseUrl = app.path.replace(/\/module\.js$/, '');
  const pluginJson: unknown = await getBackendSrv().get(`/${baseUrl}/plugin.json`);
  const plugin = isRecord(pluginJson) ? pluginJson : {};
  return {
    id,
    name: text(plugin.name, id),
    type: PluginType.app,
    info: toInfo(plugin.info, app.version),
    includes: parseIncludes(plugin.includes),
    module: app.path,
    baseUrl,
    enabled: true,
    jsonData: {},
    dependencies: app.dependencies,
    extensions: app.extensions,
  };
}

/** The app's section of Grafana's nav: the app, then its pages with addToNav. */
export function appNavNode(meta: AppPluginMeta): NavLinkDTO {
  return {
    id: `plugin-page-${meta.id}`,
    text: meta.name,
    url: `/a/${meta.id}`,
    pluginId: meta.id,
    children: (meta.includes ?? [])
      .filter((include) => include.type === PluginIncludeType.page && include.addToNav && include.path)
      .map((include) => ({ text: include.name, url: include.path, pluginId: meta.id })),
  };
}

/** Grafana's importAppPlugin: load the module, then init with its meta. */
export async function importAppPlugin(id: string): Promise<AppPlugin> {
  const meta = await loadAppMeta(id);
  const exports = await importPluginExports(meta.module);
  const plugin = exports.plugin ?? new AppPlugin();
  if (!(plugin instanceof AppPlugin)) {
    throw new Error(`${meta.module} does not export an AppPlugin named 'plugin' from the shared @grafana/data`);
  }
  plugin.init(meta);
  plugin.meta = meta;
  plugin.setComponentsFromLegacyExports(exports);
  return plugin;
}
