import type { ErrorBudget } from './types';

/** Which count the user measures besides the total: good events, or bad ones. */
export type MeasuredRole = 'good' | 'bad';

/** Float rounding of summed increments must not turn equal counts into a data problem. */
const TOLERANCE = 1e-9;

/** A window's counts are consistent when the measured count does not exceed the total. */
export function isConsistent(measured: number, total: number): boolean {
  return measured <= total + TOLERANCE * (total > 1 ? total : 1);
}

export interface EventSplit {
  good: number;
  bad: number;
  total: number;
  consistent: boolean;
}

/** Good and bad events of a window from the measured count and the total; derived counts never go below 0. */
export function splitEvents(role: MeasuredRole, measured: number, total: number): EventSplit {
  const consistent = isConsistent(measured, total);
  const m = Math.max(0, consistent ? Math.min(measured, total) : measured);
  const other = Math.max(0, total - m);
  return role === 'good' ? { good: m, bad: other, total, consistent } : { good: other, bad: m, total, consistent };
}

/**
 * (bad / total) / (1 - target) for a window, or NaN where it is undefined (no events, or more
 * measured than total events). NaN stays inside the engine: results turn it into null.
 */
export function burnRateOf(role: MeasuredRole, measured: number, total: number, errorRate: number): number {
  // Written out rather than through splitEvents: this runs for every grid step of every window.
  if (!(total > 0) || !isConsistent(measured, total)) {
    return NaN;
  }
  const m = measured < 0 ? 0 : measured > total ? total : measured;
  return (role === 'bad' ? m : total - m) / total / errorRate;
}

export function nullIfNaN(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/** The budget for `units` events (or slices), of which `spent` are bad. */
export function budgetOf(units: number, spent: number, errorRate: number): ErrorBudget {
  const allowed = errorRate * units;
  if (!(allowed > 0)) {
    return { allowed, consumed: null, remaining: null };
  }
  const consumed = spent / allowed;
  return { allowed, consumed, remaining: 1 - consumed };
}
