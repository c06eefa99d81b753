/** From a panel's DataFrames to the count series of the SLO engine. */
export {
  toSloSeries,
  type QueryProblem,
  type QueryRole,
  type SloSeriesInput,
  type SloSeriesResult,
} from './toSloSeries';
export {
  AUTOMATIC_EVENT_REF_IDS,
  AUTOMATIC_TOTAL_REF_IDS,
  resolveEventQuery,
  resolveTotalQuery,
  type EventKind,
  type QueryMapping,
  type ResolvedEventQuery,
  type ValueKind,
} from './mapping';
