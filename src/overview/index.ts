/**
 * The reliability overview's domain logic: every SLO's budget health from hourly tiles, roll-ups by
 * team and service, calendar compliance and the headline. Pure TypeScript, no React.
 */
export { BUDGET_BUCKETS, budgetBucket, countBuckets, emptyBucketCounts } from './buckets';
export type { BucketCounts, BudgetBucket } from './buckets';
export { periodEvents } from './tiles';
export type { PeriodEvents, SloTiles } from './tiles';
export { meetsTarget, sloOverview, SPARKLINE_POINTS } from './sloOverview';
export type { OverviewSlo, OverviewState, SloOverviewOptions, Sparkline } from './sloOverview';
export { rollup } from './rollup';
export type { RollupBy, RollupGroup } from './rollup';
export { compliancePeriods, DEFAULT_PERIOD_COUNT } from './periods';
export type { ComplianceGranularity, CompliancePeriod } from './periods';
export { complianceGrid, complianceRow, groupComplianceRows } from './compliance';
export type {
  ComplianceCell,
  ComplianceGrid,
  ComplianceOptions,
  ComplianceRow,
  ComplianceService,
  ComplianceSlo,
  ComplianceStatus,
  ComplianceTeam,
} from './compliance';
export { compareRisk, overviewSummary, sortByRisk } from './summary';
export type { OverviewSummary } from './summary';
export { compareNames } from './order';
export { filterChoices, filterSlos, labelPair, NO_OVERVIEW_FILTER, tilesRange } from './filter';
export type { FilterChoices, OverviewFilter } from './filter';
