/** The SLO model: types, defaults, validation, and conversions to and from library panels and OpenSLO. */
export type * from './types';
export { defaultAlerting, defaultObjective, DEFAULT_TIME_ZONE, newSloSpec } from './defaults';
export { validateSlo, MAX_DESCRIPTION_LENGTH } from './validate';
export { secretIn } from './secrets';
export { canonicalSlo } from './canonical';
export type { LocatedError } from './errorPaths';
export { libraryPanelToSlo, sloToLibraryPanel, timeFromOf } from './libraryPanel';
export {
  LIBRARY_PANEL_KIND,
  MAX_DATA_POINTS,
  NINES_MODEL_VERSION,
  QUERY_INTERVAL,
  SLO_PANEL_TYPE,
  type LibraryPanelBody,
  type LibraryPanelOptions,
  type NinesModelSpec,
  type SloPanelModel,
  type SloPanelTarget,
} from './libraryPanelModel';
export {
  openSloToSlo,
  sloToOpenSlo,
  sloToOpenSloDocument,
  slosToOpenSlo,
  type ImportOptions,
  type OpenSloImport,
} from './openslo';
export { ANNOTATION as OPENSLO_ANNOTATIONS } from './opensloFormat';
export { slothToSlo, SLOTH_VERSION, type SlothImport } from './sloth';
