import {
  applyFieldOverrides,
  CoreApp,
  DashboardCursorSync,
  LoadingState,
  PluginContextProvider,
  type AbsoluteTimeRange,
  type FieldConfigSource,
  type InterpolateFunction,
  type PanelData,
  type PanelPlugin,
  type PanelProps,
  type TimeRange,
  type TimeZone,
} from '@grafana/data';
import { config, getAppEvents, getTemplateSrv } from '@grafana/runtime';
import { PanelChrome, PanelContextProvider, type PanelContext } from '@grafana/ui';
import { cloneDeep, isArray, mergeWith } from 'lodash';
import React, { useEffect, useMemo, useState } from 'react';
import { HostErrorBoundary } from '../chrome/HostErrorBoundary';
import { preparePanelOptions } from '../plugins/panelOptions';
import { CorePanelUnavailableError, importPanelPlugin } from '../plugins/pluginLoader';
import type { DashboardPanel } from './model';
import { runPanelQuery } from './queryRunner';
import { registerPanelProps } from './testHooks';

export interface PanelViewProps {
  panel: DashboardPanel;
  dashboardUid: string;
  dashboardTitle: string;
  timeRange: TimeRange;
  timeZone: TimeZone;
  width: number;
  height: number;
  onChangeTimeRange: (range: AbsoluteTimeRange) => void;
}

type PluginLoad =
  | { status: 'loading' }
  | { status: 'ready'; plugin: PanelPlugin; options: Record<string, unknown>; fieldConfig: FieldConfigSource }
  | { status: 'core'; message: string }
  | { status: 'error'; message: string };

// A load result remembers the panel model it was made for, so a new model reads as loading.
type KeyedLoad = PluginLoad & { panel: DashboardPanel };

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// Grafana merges partial option updates into the current ones; arrays are replaced, not merged.
function mergeOptions<T extends object>(current: T, update: Partial<T>): T {
  return mergeWith(cloneDeep(current), update, (_current: unknown, next: unknown) =>
    isArray(next) ? next : undefined
  );
}

/** Loads the panel's plugin, prepares its options, runs its queries and draws it in PanelChrome. */
export function PanelView(props: PanelViewProps) {
  const { panel, timeRange, timeZone, width, height } = props;
  const [keyedLoad, setKeyedLoad] = useState<KeyedLoad>({ status: 'loading', panel });
  const load: PluginLoad = panel.loadError
    ? { status: 'error', message: panel.loadError }
    : keyedLoad.panel === panel
      ? keyedLoad
      : { status: 'loading' };
  const [rawData, setRawData] = useState<PanelData | undefined>();
  const label = `panel ${panel.id} (${panel.type})`;
  // Max data points follow the width the panel had when it was first drawn, as in Grafana.
  const [queryWidth] = useState(width);

  useEffect(() => {
    if (panel.loadError) {
      return;
    }
    let current = true;
    importPanelPlugin(panel.type)
      .then(async (plugin) => {
        const prepared = await preparePanelOptions(plugin, panel);
        if (current) {
          setKeyedLoad({
            status: 'ready',
            plugin,
            options: prepared.options,
            fieldConfig: prepared.fieldConfig,
            panel,
          });
        }
      })
      .catch((error: unknown) => {
        if (!current) {
          return;
        }
        if (error instanceof CorePanelUnavailableError) {
          setKeyedLoad({ status: 'core', message: error.message, panel });
          return;
        }
        console.error(`[test host] ${label} could not load its plugin`, error);
        setKeyedLoad({ status: 'error', message: errorMessage(error), panel });
      });
    return () => {
      current = false;
    };
  }, [panel, label]);

  const plugin = load.status === 'ready' ? load.plugin : undefined;

  useEffect(() => {
    if (!plugin || plugin.meta.skipDataQuery) {
      return;
    }
    const subscription = runPanelQuery({
      panel,
      dashboardUid: props.dashboardUid,
      dashboardTitle: props.dashboardTitle,
      timeRange,
      timeZone,
      width: queryWidth,
    }).subscribe((data) => {
      if (data.state === LoadingState.Error) {
        const messages = (data.errors ?? []).map((e) => e.message).join('; ');
        console.error(`[test host] ${label} query failed: ${messages}`);
      }
      // While a new query runs, Grafana keeps showing the last answer (marked as loading).
      setRawData((previous) =>
        data.state === LoadingState.Loading && previous ? { ...previous, state: LoadingState.Loading } : data
      );
    });
    return () => subscription.unsubscribe();
  }, [plugin, queryWidth, panel, timeRange, timeZone, props.dashboardUid, props.dashboardTitle, label]);

  const replaceVariables = useMemo<InterpolateFunction>(
    () => (value, scopedVars, format) =>
      getTemplateSrv().replace(value, { ...rawData?.request?.scopedVars, ...scopedVars }, format),
    [rawData]
  );

  const fieldConfig = load.status === 'ready' ? load.fieldConfig : undefined;
  const data = useMemo<PanelData>(() => {
    if (!plugin || plugin.meta.skipDataQuery || !rawData || !fieldConfig) {
      return { state: plugin?.meta.skipDataQuery ? LoadingState.Done : LoadingState.NotStarted, series: [], timeRange };
    }
    return {
      ...rawData,
      series: applyFieldOverrides({
        data: rawData.series,
        fieldConfig,
        fieldConfigRegistry: plugin.fieldConfigRegistry,
        replaceVariables,
        theme: config.theme2,
        timeZone,
      }),
    };
  }, [plugin, rawData, fieldConfig, replaceVariables, timeRange, timeZone]);

  const panelContext = useMemo<PanelContext>(
    () => ({
      eventsScope: '__global_',
      eventBus: getAppEvents(),
      app: CoreApp.Dashboard,
      sync: () => DashboardCursorSync.Off,
    }),
    []
  );

  const title = getTemplateSrv().replace(panel.title, undefined, 'text');
  const statusMessage = data.errors?.map((e) => e.message).join(', ');

  const chromeProps = {
    title,
    description: panel.description,
    width,
    height,
    displayMode: panel.transparent ? ('transparent' as const) : ('default' as const),
  };

  let body: React.ReactNode;
  if (load.status !== 'ready') {
    const text =
      load.status === 'loading' ? undefined : load.status === 'core' ? load.message : `Plugin failed: ${load.message}`;
    body = (
      <PanelChrome {...chromeProps} loadingState={load.status === 'loading' ? LoadingState.Loading : undefined}>
        {() => (text ? <div data-testid="host panel-placeholder">{text}</div> : null)}
      </PanelChrome>
    );
  } else {
    const { plugin: readyPlugin, options } = load;
    const panelFieldConfig = load.fieldConfig;
    const Panel = readyPlugin.panel;
    const onOptionsChange = (update: Record<string, unknown>) =>
      setKeyedLoad((previous) =>
        previous.status === 'ready' ? { ...previous, options: mergeOptions(previous.options, update) } : previous
      );
    const onFieldConfigChange = (update: FieldConfigSource, replace?: boolean) =>
      setKeyedLoad((previous) =>
        previous.status === 'ready'
          ? { ...previous, fieldConfig: replace ? update : mergeOptions(previous.fieldConfig, update) }
          : previous
      );
    body = (
      <PanelChrome
        {...chromeProps}
        loadingState={data.state}
        statusMessage={statusMessage || undefined}
        padding={readyPlugin.noPadding ? 'none' : 'md'}
      >
        {(innerWidth: number, innerHeight: number) => {
          if (!Panel) {
            return <div>Panel plugin has no panel component</div>;
          }
          const panelProps: PanelProps = {
            id: panel.id,
            data,
            title,
            timeRange: data.timeRange ?? timeRange,
            timeZone,
            options,
            fieldConfig: panelFieldConfig,
            transparent: panel.transparent,
            width: innerWidth,
            height: innerHeight,
            renderCounter: 0,
            replaceVariables,
            onOptionsChange,
            onFieldConfigChange,
            onChangeTimeRange: props.onChangeTimeRange,
            eventBus: getAppEvents(),
          };
          registerPanelProps(panel.id, panelProps);
          return (
            <HostErrorBoundary label={label} resetKey={data}>
              <PluginContextProvider meta={readyPlugin.meta}>
                <PanelContextProvider value={panelContext}>
                  <Panel {...panelProps} />
                </PanelContextProvider>
              </PluginContextProvider>
            </HostErrorBoundary>
          );
        }}
      </PanelChrome>
    );
  }

  return (
    <div
      data-testid={`host panel ${panel.id}`}
      data-panel-id={panel.id}
      data-panel-type={panel.type}
      data-panel-state={load.status === 'ready' ? data.state : load.status}
    >
      {body}
    </div>
  );
}
