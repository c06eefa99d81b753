import { parseDuration } from './duration';

export type CalendarPeriod = 'week' | 'month' | 'quarter';

export type WindowSpec = { kind: 'rolling'; length: number } | { kind: 'calendar'; period: CalendarPeriod };

const CALENDAR = /^calendar:(week|month|quarter)$/;

/** Parses an SLO window: a rolling duration or 'calendar:week|month|quarter'; null if neither. */
export function parseWindow(text: string): WindowSpec | null {
  const calendar = CALENDAR.exec(text.trim());
  if (calendar) {
    return { kind: 'calendar', period: calendar[1] as CalendarPeriod };
  }
  const length = parseDuration(text);
  return length === null ? null : { kind: 'rolling', length };
}

export interface ResolvedWindow {
  /** Exclusive start. */
  start: number;
  /** Full length: the duration, or the whole calendar period. */
  length: number;
}

/** The SLO window that ends at `at`: (at - W, at], or (periodStart, at] for the period with start < at <= end. */
export function resolveWindow(spec: WindowSpec, at: number, timeZone: string): ResolvedWindow {
  if (spec.kind === 'rolling') {
    return { start: at - spec.length, length: spec.length };
  }
  // The instant just before `at` lies in [start, end) exactly when `at` lies in (start, end].
  const { year, month, day } = localDate(at - 1, timeZone);
  let first: [number, number, number];
  let next: [number, number, number];
  if (spec.period === 'week') {
    const mondayOffset = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
    first = [year, month, day - mondayOffset];
    next = [year, month, day - mondayOffset + 7];
  } else {
    const months = spec.period === 'month' ? 1 : 3;
    const firstMonth = Math.floor((month - 1) / months) * months + 1;
    first = [year, firstMonth, 1];
    next = [year, firstMonth + months, 1];
  }
  const start = localMidnight(...first, timeZone);
  return { start, length: localMidnight(...next, timeZone) - start };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Throws a RangeError for a time zone that Intl does not know. */
export function checkTimeZone(timeZone: string): void {
  formatter(timeZone);
}

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localTime(instant: number, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') {
      parts[part.type] = Number(part.value);
    }
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

function localDate(instant: number, timeZone: string): { year: number; month: number; day: number } {
  const { year, month, day } = localTime(instant, timeZone);
  return { year, month, day };
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant. */
function zoneOffset(instant: number, timeZone: string): number {
  const t = localTime(instant, timeZone);
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant of local midnight on a date (month and day may overflow, as with Date.UTC). */
function localMidnight(year: number, month: number, day: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day);
  // Two passes settle the offset, also when midnight is near a DST change.
  let instant = wall - zoneOffset(wall, timeZone);
  instant = wall - zoneOffset(instant, timeZone);
  return instant;
}
