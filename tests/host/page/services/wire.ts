import { EventBusSrv } from '@grafana/data';
import {
  config,
  setAppEvents,
  setBackendSrv,
  setDataSourceSrv,
  setEchoSrv,
  setPluginComponentHook,
  setPluginComponentsHook,
  setPluginFunctionsHook,
  setPluginImportUtils,
  setPluginLinksHook,
  setTemplateSrv,
} from '@grafana/runtime';
import { setPluginPage } from 'host-runtime-internal/components/PluginPage';
import { initDataSourceInstanceSettings } from 'host-runtime-internal/services/dataSource/settings';
import { HostPluginPage } from '../chrome/HostPluginPage';
import { getPanelPluginFromCache, importPanelPlugin } from '../plugins/pluginLoader';
import { HostBackendSrv } from './backendSrv';
import { HostDataSourceSrv } from './dataSourceSrv';
import { HostEchoSrv } from './echoSrv';
import { hostTemplateSrv } from './templateSrv';

declare global {
  interface Window {
    __ninesEchoEvents?: HostEchoSrv['events'];
  }
}

/**
 * Sets @grafana/runtime's services the way Grafana's app.ts does at start-up. PluginPage and the
 * datasource settings cache have their setters in runtime's internal entry, which npm does not
 * publish; the host reaches them by file path (see build.mjs) because Grafana itself calls them.
 */
export function wireRuntimeServices(): void {
  setBackendSrv(new HostBackendSrv());
  initDataSourceInstanceSettings(config.datasources, config.defaultDatasource);
  setDataSourceSrv(new HostDataSourceSrv(config.datasources, config.defaultDatasource));
  setTemplateSrv(hostTemplateSrv);
  setAppEvents(new EventBusSrv());
  const echo = new HostEchoSrv();
  window.__ninesEchoEvents = echo.events;
  setEchoSrv(echo);
  setPluginPage(HostPluginPage);
  setPluginImportUtils({ importPanelPlugin, getPanelPluginFromCache });
  // Only Nines is installed here, so no other plugin extends its extension points.
  setPluginLinksHook(() => ({ links: [], isLoading: false }));
  setPluginComponentsHook(() => ({ components: [], isLoading: false }));
  setPluginComponentHook(() => ({ component: null, isLoading: false }));
  setPluginFunctionsHook(() => ({ functions: [], isLoading: false }));
}
