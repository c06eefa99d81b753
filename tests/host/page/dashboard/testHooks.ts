import type { AbsoluteTimeRange, PanelProps } from '@grafana/data';

/**
 * What the host exposes to browser tests on `window.__ninesTestHost`: enough to check the host's
 * own wiring (e.g. that a panel's onChangeTimeRange moves the URL) without reaching into React.
 */
export interface TestHostHooks {
  /** Panel ids that have rendered with their plugin. */
  panelIds(): number[];
  /** Calls the onChangeTimeRange the host passed to the panel; false if it has not rendered. */
  changeTimeRange(panelId: number, range: AbsoluteTimeRange): boolean;
  /** The options the panel received on its last render (after migration and defaults). */
  panelOptions(panelId: number): unknown;
}

declare global {
  interface Window {
    __ninesTestHost?: TestHostHooks;
  }
}

const lastProps = new Map<number, PanelProps>();

export function registerPanelProps(panelId: number, props: PanelProps): void {
  lastProps.set(panelId, props);
}

export function installTestHooks(): void {
  window.__ninesTestHost = {
    panelIds: () => [...lastProps.keys()],
    changeTimeRange: (panelId, range) => {
      const props = lastProps.get(panelId);
      props?.onChangeTimeRange(range);
      return props !== undefined;
    },
    panelOptions: (panelId) => lastProps.get(panelId)?.options,
  };
}
