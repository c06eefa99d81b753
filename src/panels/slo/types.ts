/** What the Nines SLO panel stores in a dashboard's panel `options`. */
export interface SloPanelOptions {
  /** Objective in percent of good events, e.g. 99.9. */
  target: number;
  /** Compliance window as a Grafana duration, e.g. '30d'. */
  window: string;
}

export const defaultSloPanelOptions: SloPanelOptions = {
  target: 99.9,
  window: '30d',
};

export const sloWindows = ['7d', '28d', '30d'];
