import { parseDuration } from './duration';
import type { BudgetingMethod, Objective } from './types';
import { checkTimeZone, parseWindow, type WindowSpec } from './window';

export interface CheckedObjective {
  target: number;
  window: WindowSpec;
  windowKey: string;
  timeZone: string;
  budgetingMethod: BudgetingMethod;
  sliceLength: number;
  sliceTarget: number;
}

const METHODS: readonly BudgetingMethod[] = ['Occurrences', 'Timeslices', 'RatioTimeslices'];

/** Checks an objective; throws an Error that names the offending field. */
export function checkObjective(objective: unknown): CheckedObjective {
  if (typeof objective !== 'object' || objective === null) {
    throw new Error('objective: required, e.g. { target: 0.999, window: "30d" }');
  }
  const {
    target,
    window,
    timeZone = 'UTC',
    budgetingMethod = 'Occurrences',
    timeSliceWindow = '1m',
    timeSliceTarget,
  } = objective as Partial<Record<keyof Objective, unknown>>;
  if (typeof target !== 'number' || !(target > 0 && target < 1)) {
    throw new Error(
      `objective.target: must be a fraction between 0 and 1 (exclusive), e.g. 0.999, got ${JSON.stringify(target)}`
    );
  }
  const spec = typeof window === 'string' ? parseWindow(window) : null;
  if (typeof window !== 'string' || spec === null) {
    throw new Error(
      `objective.window: must be a duration like '30d' or 'calendar:week', 'calendar:month', 'calendar:quarter', got ${JSON.stringify(window)}`
    );
  }
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) {
    throw new Error(`objective.timeZone: unknown time zone ${JSON.stringify(timeZone)}`);
  }
  const method = METHODS.find((known) => known === budgetingMethod);
  if (method === undefined) {
    throw new Error(
      `objective.budgetingMethod: must be one of ${METHODS.join(', ')}, got ${JSON.stringify(budgetingMethod)}`
    );
  }
  const sliceLength = typeof timeSliceWindow === 'string' ? parseDuration(timeSliceWindow) : null;
  if (sliceLength === null) {
    throw new Error(`objective.timeSliceWindow: must be a duration like '5m', got ${JSON.stringify(timeSliceWindow)}`);
  }
  const sliceTarget = timeSliceTarget ?? target;
  if (typeof sliceTarget !== 'number' || !(sliceTarget > 0 && sliceTarget <= 1)) {
    throw new Error(`objective.timeSliceTarget: must be a fraction in (0, 1], got ${JSON.stringify(timeSliceTarget)}`);
  }
  return {
    target,
    window: spec,
    windowKey: window.trim(),
    timeZone,
    budgetingMethod: method,
    sliceLength,
    sliceTarget,
  };
}

function isTimeZone(timeZone: string): boolean {
  try {
    checkTimeZone(timeZone);
    return true;
  } catch {
    return false;
  }
}
