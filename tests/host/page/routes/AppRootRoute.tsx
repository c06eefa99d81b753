import { PluginContextProvider, type AppPlugin } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { Alert, LoadingPlaceholder } from '@grafana/ui';
import React, { useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { HostErrorBoundary } from '../chrome/HostErrorBoundary';
import { addAppSection } from '../chrome/navTree';
import { appNavNode, importAppPlugin } from '../plugins/pluginLoader';

type AppLoad = { status: 'loading' } | { status: 'done'; plugin: AppPlugin } | { status: 'error'; message: string };

// A load result remembers which app it is for, so a new pluginId reads as loading at once.
type KeyedLoad = AppLoad & { pluginId: string };

/**
 * `/a/<pluginId>/*`: Grafana's AppRootPage. Loads the app through the AMD loader and renders its
 * root with AppRootProps inside this route, so the app's own <Routes> match relative paths.
 */
export function AppRootRoute() {
  const { pluginId = '' } = useParams();
  const location = useLocation();
  const [keyedLoad, setLoad] = useState<KeyedLoad>({ status: 'loading', pluginId });
  const load: AppLoad = keyedLoad.pluginId === pluginId ? keyedLoad : { status: 'loading' };

  useEffect(() => {
    let current = true;
    importAppPlugin(pluginId).then(
      (plugin) => {
        addAppSection(appNavNode(plugin.meta));
        if (current) {
          setLoad({ status: 'done', plugin, pluginId });
        }
      },
      (error: unknown) => {
        console.error(`[test host] app ${pluginId} failed to load`, error);
        if (current) {
          setLoad({ status: 'error', message: error instanceof Error ? error.message : String(error), pluginId });
        }
      }
    );
    return () => {
      current = false;
    };
  }, [pluginId]);

  if (load.status === 'loading') {
    return <LoadingPlaceholder text="Loading app..." />;
  }
  if (load.status === 'error') {
    return (
      <Alert severity="error" title={`App ${pluginId} failed to load`}>
        {load.message}
      </Alert>
    );
  }
  const { plugin } = load;
  const Root = plugin.root;
  if (!Root) {
    return (
      <Alert severity="error" title={`App ${pluginId} has no root page`}>
        The plugin did not call setRootPage.
      </Alert>
    );
  }
  return (
    <HostErrorBoundary label={`app ${pluginId}`} resetKey={location.pathname}>
      <PluginContextProvider meta={plugin.meta}>
        <Root
          meta={plugin.meta}
          basename={`/a/${pluginId}`}
          onNavChanged={() => undefined}
          query={locationService.getSearchObject()}
          path={location.pathname}
        />
      </PluginContextProvider>
    </HostErrorBoundary>
  );
}
