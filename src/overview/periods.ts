/** The calendar periods of the compliance grid: the last months or weeks in a time zone, by the engine's calendar. */
import { resolveWindow, type WindowSpec } from '../engine/window';

export type ComplianceGranularity = 'month' | 'week';

/** Columns of the grid by default: half a year of months, or two months of weeks. */
export const DEFAULT_PERIOD_COUNT: Record<ComplianceGranularity, number> = { month: 6, week: 8 };

export interface CompliancePeriod {
  /** Exclusive start: local midnight of the period's first day in the time zone. */
  start: number;
  /** Inclusive end: the next period's start (after `at` for the current period). */
  end: number;
  /** The period that holds `at`, counted only up to `at`. */
  current: boolean;
}

/**
 * The `count` calendar periods up to and including the one that holds `at` (start < at <= end), oldest
 * first, in an IANA time zone; weeks start on Monday. Throws a RangeError for an unknown time zone.
 */
export function compliancePeriods(
  at: number,
  timeZone: string,
  granularity: ComplianceGranularity,
  count = DEFAULT_PERIOD_COUNT[granularity]
): CompliancePeriod[] {
  const spec: WindowSpec = { kind: 'calendar', period: granularity };
  const periods: CompliancePeriod[] = [];
  let end = at;
  for (let i = 0; i < count; i++) {
    // The period that ends at (or, for the current one, holds) `end`: resolveWindow reads (start, end].
    const { start, length } = resolveWindow(spec, end, timeZone);
    periods.unshift({ start, end: start + length, current: i === 0 });
    end = start;
  }
  return periods;
}
