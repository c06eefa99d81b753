/**
 * The store: the one module that calls Grafana's HTTP API for SLOs. SLOs persist as library
 * panels of the Nines SLO panel type; folder permissions decide who may edit them and the
 * library panel's version guards against lost updates. Every call resolves to a `StoreResult`:
 * the value, or a `StoreError` whose message says what happened in the user's words.
 */
export type { GrafanaFolder, InvalidSlo, ListSlosQuery, SloConnection, SloPage, StoredSlo } from './types';
export type { StoreError, StoreErrorKind, StoreResult } from './errors';
export { GENERAL_FOLDER_TITLE, isRetryable } from './errors';
export type { StoreRequest } from './http';
export { DEFAULT_PER_PAGE, getSlo, listAllSlos, listSlos } from './read';
export { createSlo, overwriteSlo, updateSlo } from './save';
export { deleteSlo } from './remove';
export { listFolders } from './folders';
export {
  addSloToDashboard,
  DASHBOARD_SEARCH_LIMIT,
  searchDashboards,
  type DashboardChoice,
  type DashboardHit,
  type SloOnDashboard,
} from './dashboards';
export { canWriteAlertRules, canWriteAppSettings, canWriteDashboards, canWriteSlos } from './permissions';
export { loadAppSettings, saveAppSettings } from './settings';
export {
  alertGroupUrl,
  alertRuleUrl,
  alertRulesStatus,
  findSloAlertRules,
  hasDatasourceRuler,
  mayHaveRuler,
  pushDatasourceRules,
  saveSloAlertRules,
  type AlertRulesStatus,
  type SavedAlertRules,
  type StoredAlertRule,
  type StoredAlertRules,
} from './alertRules';
