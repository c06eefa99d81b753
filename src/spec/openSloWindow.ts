/** Reads OpenSLO's `timeWindow` and time slices into the spec's window, time zone and slice length. */
import { parseDuration } from '../engine';
import { DEFAULT_TIME_ZONE } from './defaults';
import type { PathRule } from './errorPaths';
import { ANNOTATION } from './opensloFormat';
import { pathOf, type Problems, readArray, readBoolean, readRecord, readString, type UnknownRecord } from './read';

/** OpenSLO's time window is optional; Nines then uses its default, 30 rolling days. */
const DEFAULT_WINDOW = '30d';
const CALENDAR_PERIODS: Record<string, string> = { '1w': 'week', '1M': 'month', '1Q': 'quarter' };
const START_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

const annotationPath = (key: string) => pathOf('metadata.annotations', key);

/** Whether two durations have the same length (so an annotation written by Nines still applies). */
function sameDuration(a: string, b: string): boolean {
  const length = parseDuration(a);
  return length !== null && length === parseDuration(b);
}

/** Nines' calendar periods start at 00:00 on a Monday, the 1st of a month, or of January, April, July, October. */
function isPeriodStart(period: string, startTime: RegExpExecArray): boolean {
  const [, year, month, day, hour = '00', minute = '00', second = '00'] = startTime;
  if (Number(hour) + Number(minute) + Number(second) !== 0) {
    return false;
  }
  if (period === 'week') {
    return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay() === 1;
  }
  return Number(day) === 1 && (period === 'month' || (Number(month) - 1) % 3 === 0);
}

function readCalendar(calendar: UnknownRecord | undefined, period: string, path: string, problems: Problems): string {
  if (calendar === undefined) {
    return DEFAULT_TIME_ZONE;
  }
  if (calendar.startTime !== undefined) {
    const text = readString(calendar.startTime, pathOf(path, 'startTime'), problems);
    const startTime = START_TIME.exec(text);
    if (typeof calendar.startTime === 'string' && startTime === null) {
      problems.add(
        pathOf(path, 'startTime'),
        `must be a date and time like 2024-01-01 00:00:00, got ${JSON.stringify(text)}`
      );
    } else if (startTime !== null && period !== '' && !isPeriodStart(period, startTime)) {
      problems.add(
        pathOf(path, 'startTime'),
        `must start a calendar ${period}: Nines starts weeks on Monday, months on the 1st and quarters in January, ` +
          `April, July and October, at 00:00, got ${text}`
      );
    }
  }
  return calendar.timeZone === undefined
    ? DEFAULT_TIME_ZONE
    : readString(calendar.timeZone, pathOf(path, 'timeZone'), problems);
}

/** The spec's window and time zone from `spec.timeWindow`; `nines.dev/window` keeps how Nines wrote it. */
export function readTimeWindow(
  spec: UnknownRecord,
  annotations: Record<string, string>,
  problems: Problems,
  rules: PathRule[]
): { window: string; timeZone: string } {
  const list = readArray(spec.timeWindow, 'spec.timeWindow', problems, true);
  if (list.length === 0) {
    rules.push(['objective.window', 'spec.timeWindow'], ['objective.timeZone', 'spec.timeWindow']);
    return { window: DEFAULT_WINDOW, timeZone: DEFAULT_TIME_ZONE };
  }
  if (list.length > 1) {
    problems.add('spec.timeWindow', `must have exactly one time window, got ${list.length}`);
  }
  const path = 'spec.timeWindow[0]';
  const item = readRecord(list[0], path, problems);
  const duration = readString(item.duration, pathOf(path, 'duration'), problems);
  const calendar =
    item.calendar === undefined ? undefined : readRecord(item.calendar, pathOf(path, 'calendar'), problems);
  const isRolling =
    item.isRolling === undefined
      ? calendar === undefined
      : readBoolean(item.isRolling, pathOf(path, 'isRolling'), problems);
  rules.push(['objective.timeZone', pathOf(pathOf(path, 'calendar'), 'timeZone')]);

  if (isRolling) {
    if (calendar !== undefined) {
      problems.add(pathOf(path, 'isRolling'), 'is true, but a calendar is given: a rolling window has no calendar');
    }
    if (/^\d+[MQY]$/.test(duration)) {
      problems.add(
        pathOf(path, 'duration'),
        `must be in minutes, hours, days or weeks for a rolling window (months, quarters and years vary in length), got ${duration}`
      );
    }
    const exact = annotations[ANNOTATION.window];
    const useExact = exact !== undefined && sameDuration(exact, duration);
    rules.push(['objective.window', useExact ? annotationPath(ANNOTATION.window) : pathOf(path, 'duration')]);
    return { window: useExact ? exact : duration, timeZone: DEFAULT_TIME_ZONE };
  }
  const period = CALENDAR_PERIODS[duration] ?? '';
  if (period === '' && typeof item.duration === 'string') {
    problems.add(
      pathOf(path, 'duration'),
      `must be 1w, 1M or 1Q for a calendar window (Nines has calendar weeks, months and quarters), got ${duration}`
    );
  }
  rules.push(['objective.window', pathOf(path, 'duration')]);
  const timeZone = readCalendar(calendar, period, pathOf(path, 'calendar'), problems);
  return { window: `calendar:${period || 'month'}`, timeZone };
}

/** A slice length: a number of minutes or a duration; `nines.dev/time-slice-window` keeps how Nines wrote it. */
export function readTimeSlice(
  value: unknown,
  annotations: Record<string, string>,
  problems: Problems,
  rules: PathRule[]
): string {
  const path = 'spec.objectives[0].timeSliceWindow';
  if (value === undefined) {
    return '5m';
  }
  const written = typeof value === 'number' ? `${value}m` : readString(value, path, problems);
  const exact = annotations[ANNOTATION.timeSliceWindow];
  const useExact = exact !== undefined && sameDuration(exact, written);
  rules.push(['objective.timeSliceWindow', useExact ? annotationPath(ANNOTATION.timeSliceWindow) : path]);
  return useExact ? exact : written;
}
