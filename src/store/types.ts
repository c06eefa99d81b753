/** What the store gives back: SLOs as Grafana keeps them, and the folders they can live in. */
import type { SloView } from '../panels/slo/types';
import type { SloSpec, SpecError } from '../spec/types';

/** An SLO with what Grafana knows about its library panel. */
export interface StoredSlo {
  slo: SloSpec;
  /** Grafana's version of the library panel: pass it to `updateSlo` to guard against lost updates. */
  version: number;
  /** '' for the General folder. */
  folderUid: string;
  folderName?: string;
  /** ISO time of the last save. */
  updated?: string;
  updatedBy?: string;
  connectedDashboards?: number;
  /** The panel's view, so that saving the SLO again keeps what dashboards show. */
  view?: SloView;
}

/** A library panel of the SLO type that does not read as an SLO; listed so that it is not lost. */
export interface InvalidSlo {
  uid: string;
  name: string;
  errors: SpecError[];
}

export interface ListSlosQuery {
  /** Part of the name or description. */
  searchString?: string;
  /** Folders to list from; '' is the General folder. */
  folderUids?: string[];
  /** From 1. */
  page?: number;
  perPage?: number;
}

export interface SloPage {
  /** SLOs on all pages, readable or not. */
  totalCount: number;
  page: number;
  perPage: number;
  slos: StoredSlo[];
  invalid: InvalidSlo[];
}

/** A dashboard that uses an SLO's library panel. */
export interface SloConnection {
  dashboardUid?: string;
  dashboardId: number;
  /** Found with a dashboard search; missing when the search did not find it. */
  title?: string;
}

export interface GrafanaFolder {
  /** '' for the General folder. */
  uid: string;
  title: string;
  /** Whether the signed-in user may save SLOs in it. */
  canEdit: boolean;
}
