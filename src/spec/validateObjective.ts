/** Validation of an SLO's objective and alerting (the parts it shares with the panel's options). */
import { type BudgetingMethod, parseDuration, parseWindow, type Severity } from '../engine';
import { DEFAULT_TIME_ZONE } from './defaults';
import { pathOf, type Problems, readArray, readBoolean, readNumber, readOneOf, readRecord, readString } from './read';
import type { AlertTierOption, SloAlerting, SloObjective } from './types';

export const BUDGETING_METHODS: readonly BudgetingMethod[] = ['Occurrences', 'Timeslices', 'RatioTimeslices'];
const SEVERITIES: readonly Severity[] = ['page', 'ticket'];
const MINUTE = 60_000;

const isPercent = (value: number) => value > 0 && value < 100;

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name !== '';
  } catch {
    return false;
  }
}

/** Milliseconds of a duration of whole minutes ('5m', '1h30m', '30d'), else null. */
export function wholeMinutes(text: string): number | null {
  const length = parseDuration(text);
  return length !== null && length % MINUTE === 0 ? length : null;
}

export function validateObjective(value: unknown, path: string, problems: Problems): SloObjective {
  const input = readRecord(value, path, problems);
  const at = (key: string) => pathOf(path, key);

  const target = readNumber(input.target, at('target'), problems);
  if (typeof input.target === 'number' && !isPercent(target)) {
    problems.add(at('target'), `must be a percentage between 0 and 100 (exclusive), e.g. 99.9, got ${target}`);
  }

  const window = readString(input.window, at('window'), problems);
  const parsedWindow = parseWindow(window);
  if (
    typeof input.window === 'string' &&
    (parsedWindow === null || (parsedWindow.kind === 'rolling' && parsedWindow.length % MINUTE !== 0))
  ) {
    problems.add(
      at('window'),
      `must be a rolling duration of whole minutes like 30d, or calendar:week, calendar:month, calendar:quarter, got ${JSON.stringify(window)}`
    );
  }

  const timeZone = readString(input.timeZone, at('timeZone'), problems, DEFAULT_TIME_ZONE);
  if (!isTimeZone(timeZone)) {
    problems.add(
      at('timeZone'),
      `must be an IANA time zone like UTC or Europe/Berlin, got ${JSON.stringify(timeZone)}`
    );
  }

  const budgetingMethod = readOneOf(input.budgetingMethod, BUDGETING_METHODS, at('budgetingMethod'), problems);

  const timeSliceWindow = readString(input.timeSliceWindow, at('timeSliceWindow'), problems, '5m');
  const slice = wholeMinutes(timeSliceWindow);
  if (typeof input.timeSliceWindow === 'string' && slice === null) {
    problems.add(
      at('timeSliceWindow'),
      `must be a duration of whole minutes like 5m, got ${JSON.stringify(timeSliceWindow)}`
    );
  } else if (slice !== null && parsedWindow?.kind === 'rolling' && slice >= parsedWindow.length) {
    problems.add(at('timeSliceWindow'), `must be shorter than the window ${window}, got ${timeSliceWindow}`);
  }

  const timeSliceTarget = readNumber(input.timeSliceTarget, at('timeSliceTarget'), problems, 0);
  if (timeSliceTarget !== 0 && !isPercent(timeSliceTarget)) {
    problems.add(
      at('timeSliceTarget'),
      `must be a percentage between 0 and 100 (exclusive), or 0 for the objective's target, got ${timeSliceTarget}`
    );
  }

  return { target, window, budgetingMethod, timeSliceWindow, timeSliceTarget, timeZone };
}

function validateTier(value: unknown, path: string, problems: Problems): AlertTierOption {
  const input = readRecord(value, path, problems);
  const at = (key: string) => pathOf(path, key);
  const severity = readOneOf(input.severity, SEVERITIES, at('severity'), problems);
  const longWindow = readString(input.longWindow, at('longWindow'), problems);
  const shortWindow = readString(input.shortWindow, at('shortWindow'), problems);
  const long = parseDuration(longWindow);
  const short = parseDuration(shortWindow);
  if (typeof input.longWindow === 'string' && long === null) {
    problems.add(at('longWindow'), `must be a duration like 1h, got ${JSON.stringify(longWindow)}`);
  }
  if (typeof input.shortWindow === 'string' && short === null) {
    problems.add(at('shortWindow'), `must be a duration like 5m, got ${JSON.stringify(shortWindow)}`);
  } else if (short !== null && long !== null && short >= long) {
    problems.add(at('shortWindow'), `must be shorter than the long window ${longWindow}, got ${shortWindow}`);
  }
  const budgetShare = readNumber(input.budgetShare, at('budgetShare'), problems);
  if (typeof input.budgetShare === 'number' && !(budgetShare > 0 && budgetShare <= 100)) {
    problems.add(at('budgetShare'), `must be a percentage of the budget above 0 and at most 100, got ${budgetShare}`);
  }
  const enabled = readBoolean(input.enabled, at('enabled'), problems);
  return { severity, longWindow, shortWindow, budgetShare, enabled };
}

export function validateAlerting(value: unknown, path: string, problems: Problems): SloAlerting {
  const input = readRecord(value, path, problems);
  const tiersPath = pathOf(path, 'tiers');
  const tiers = readArray(input.tiers, tiersPath, problems).map((tier, index) =>
    validateTier(tier, pathOf(tiersPath, index), problems)
  );
  const minEvents = readNumber(input.minEvents, pathOf(path, 'minEvents'), problems, 0);
  if (minEvents < 0) {
    problems.add(pathOf(path, 'minEvents'), `must be 0 or more, got ${minEvents}`);
  }
  return { tiers, minEvents };
}
