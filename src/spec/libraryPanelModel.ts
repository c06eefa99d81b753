/** The shape of an SLO's library panel: the body Grafana's library element API takes and gives. */
import type { SingleSloPanelOptions, SloView } from '../panels/slo/types';
import type { UnknownRecord } from './read';
import type { DataSourceRef, PrometheusSource } from './types';

export const SLO_PANEL_TYPE = 'nines-slo-panel';
/** Version of the `nines` block of the panel model. */
export const NINES_MODEL_VERSION = 1;
/** Grafana's kind of library element for panels. */
export const LIBRARY_PANEL_KIND = 1;
/** Prometheus' limit of points per series: no panel asks for more (see src/query/intervalPlan.ts). */
export const MAX_DATA_POINTS = 11_000;
/** The finest step a panel asks for, the usual scrape interval; longer windows get coarser steps. */
export const QUERY_INTERVAL = '1m';

/** A panel target: the datasource's query model with a refId and the datasource. */
export type SloPanelTarget = UnknownRecord & { refId: string; datasource: DataSourceRef };

/** The details of an SLO that the panel itself has no place for. */
export interface NinesModelSpec {
  service: string;
  team: string;
  labels: Record<string, string>;
  runbookUrl: string;
  timeZone: string;
  /** The query builder; for raw queries only the kind, as the targets hold the queries. */
  source: PrometheusSource | { kind: 'raw' };
}

export interface SloPanelModel {
  type: typeof SLO_PANEL_TYPE;
  title: string;
  description: string;
  datasource: DataSourceRef;
  targets: SloPanelTarget[];
  maxDataPoints: number;
  interval: string;
  timeFrom: string;
  options: SingleSloPanelOptions;
  fieldConfig: { defaults: UnknownRecord; overrides: UnknownRecord[] };
  nines: { schemaVersion: number; spec: NinesModelSpec };
}

/** The body of `POST /api/library-elements` (CreateLibraryElementCommand). */
export interface LibraryPanelBody {
  uid: string;
  folderUid: string;
  name: string;
  kind: typeof LIBRARY_PANEL_KIND;
  model: SloPanelModel;
}

export interface LibraryPanelOptions {
  /** Which view the panel shows; default 'summary'. */
  view?: SloView;
}
