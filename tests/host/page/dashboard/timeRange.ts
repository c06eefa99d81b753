import { dateTime, rangeUtil, type AbsoluteTimeRange, type TimeRange, type TimeZone } from '@grafana/data';

/**
 * A `from`/`to` URL value as Grafana's dashboards read it: relative (`now-30d`), an ISO date, or
 * epoch milliseconds. Returns the raw value to evaluate (ISO for absolute times), or undefined.
 */
export function parseUrlTime(value: string | null): string | undefined {
  if (value === null || value === '') {
    return undefined;
  }
  if (value.includes('now')) {
    return value;
  }
  if (/^\d+$/.test(value)) {
    return new Date(Number(value)).toISOString();
  }
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}

export function toTimeRange(from: string, to: string, timeZone: TimeZone): TimeRange {
  return rangeUtil.convertRawToRange({ from, to }, timeZone);
}

/** What a zoom writes to the URL: ISO times, as Grafana's scenes dashboards do. */
export function toUrlRange(range: AbsoluteTimeRange): { from: string; to: string } {
  return { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() };
}

/** The range as Grafana's time picker names it: "Last 30 days", or both ends in the time zone. */
export function describeRange(from: string, to: string, timeZone: TimeZone): string {
  const raw = (value: string) => (value.includes('now') ? value : dateTime(value));
  return rangeUtil.describeTimeRange({ from: raw(from), to: raw(to) }, timeZone);
}
