/**
 * An SLO's library panel on a dashboard, in the dashboard JSON Grafana saves (schema v1): a panel
 * that references the library panel by uid, as Grafana's "Add > Import from library" writes it.
 * Grafana fills in the library panel's model when it loads the dashboard.
 */
import { SLO_PANEL_TYPE } from '../spec/libraryPanelModel';

type Json = Record<string, unknown>;

/**
 * The dashboard schema version Nines writes: not newer than what Grafana 12.3 writes (Grafana
 * migrates an older version when it loads the dashboard, but cannot read a newer one back).
 */
export const DASHBOARD_SCHEMA_VERSION = 41;

/** Half the width of Grafana's 24-column grid, and Grafana's default panel height. */
const PANEL_WIDTH = 12;
const PANEL_HEIGHT = 8;

/** What a dashboard needs to reference an SLO's library panel. */
export interface SloPanelReference {
  uid: string;
  name: string;
}

export interface GridPos {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SloDashboardPanel {
  id: number;
  type: typeof SLO_PANEL_TYPE;
  title: string;
  gridPos: GridPos;
  libraryPanel: { uid: string; name: string };
}

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const numberAt = (object: Json, key: string): number | undefined => {
  const value = object[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

/** The panel that shows the SLO, at the left edge of row `y`. */
export function sloDashboardPanel(slo: SloPanelReference, id: number, y: number): SloDashboardPanel {
  return {
    id,
    type: SLO_PANEL_TYPE,
    title: slo.name,
    gridPos: { x: 0, y, w: PANEL_WIDTH, h: PANEL_HEIGHT },
    libraryPanel: { uid: slo.uid, name: slo.name },
  };
}

/** A new dashboard holding the SLO's panel, over the last 30 days. */
export function newSloDashboard(title: string, slo: SloPanelReference): Json {
  return {
    title,
    schemaVersion: DASHBOARD_SCHEMA_VERSION,
    editable: true,
    tags: [],
    timezone: 'browser',
    time: { from: 'now-30d', to: 'now' },
    panels: [sloDashboardPanel(slo, 1, 0)],
  };
}

function panelsOf(dashboard: Json): Json[] {
  return Array.isArray(dashboard.panels) ? dashboard.panels.filter(isRecord) : [];
}

/** Every panel id in use, in collapsed rows too: a new panel must not take one of them. */
function idsOf(panels: Json[]): number[] {
  return panels.flatMap((panel) => {
    const id = numberAt(panel, 'id');
    return [...(id === undefined ? [] : [id]), ...idsOf(panelsOf(panel))];
  });
}

/** The first grid row below every panel (a collapsed row's panels are inside it, not on the grid). */
function bottomOf(panels: Json[]): number {
  return panels.reduce((bottom, panel) => {
    const gridPos = isRecord(panel.gridPos) ? panel.gridPos : {};
    return Math.max(bottom, (numberAt(gridPos, 'y') ?? 0) + (numberAt(gridPos, 'h') ?? 0));
  }, 0);
}

/**
 * A copy of a saved dashboard (`GET /api/dashboards/uid/:uid`'s `dashboard`) with the SLO's panel
 * below the others; everything else, `version` included, is kept as read, so that Grafana refuses
 * the save if someone changed the dashboard meanwhile.
 */
export function withSloPanel(dashboard: Json, slo: SloPanelReference): Json {
  const panels = Array.isArray(dashboard.panels) ? dashboard.panels : [];
  const records = panels.filter(isRecord);
  const id = Math.max(0, ...idsOf(records)) + 1;
  return { ...dashboard, panels: [...panels, sloDashboardPanel(slo, id, bottomOf(records))] };
}

/** Whether a dashboard already shows the SLO's library panel, at the top level or in a row. */
export function hasSloPanel(dashboard: Json, uid: string): boolean {
  const holds = (panels: Json[]): boolean =>
    panels.some((panel) => (isRecord(panel.libraryPanel) && panel.libraryPanel.uid === uid) || holds(panelsOf(panel)));
  return holds(panelsOf(dashboard));
}
