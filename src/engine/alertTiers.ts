import { parseDuration } from './duration';
import type { AlertTier } from './types';

/**
 * The SRE Workbook's multiwindow multi-burn-rate tiers for a 30-day SLO, as budget shares so they
 * keep their meaning for any window (14.4x, 6x, 3x and 1x at 30 days).
 */
export const DEFAULT_ALERT_TIERS: readonly AlertTier[] = [
  { severity: 'page', longWindow: '1h', shortWindow: '5m', budgetShare: 0.02 },
  { severity: 'page', longWindow: '6h', shortWindow: '30m', budgetShare: 0.05 },
  { severity: 'ticket', longWindow: '1d', shortWindow: '2h', budgetShare: 0.1 },
  { severity: 'ticket', longWindow: '3d', shortWindow: '6h', budgetShare: 0.1 },
];

export interface ResolvedTier extends AlertTier {
  long: number;
  short: number;
  factor: number;
  budgetShare: number;
}

/** Checks the tiers and computes each one's factor and budget share for an SLO window of `windowLength` ms. */
export function resolveAlertTiers(tiers: unknown, windowLength: number): ResolvedTier[] {
  if (!Array.isArray(tiers)) {
    throw new Error('alertTiers: must be a list of tiers');
  }
  return tiers.map((tier: unknown, index) => resolveTier(tier, `alertTiers[${index}]`, windowLength));
}

function resolveTier(tier: unknown, field: string, windowLength: number): ResolvedTier {
  if (typeof tier !== 'object' || tier === null) {
    throw new Error(`${field}: must be a tier { severity, longWindow, shortWindow, factor or budgetShare }`);
  }
  const { severity, longWindow, shortWindow, factor, budgetShare } = tier as Partial<Record<keyof AlertTier, unknown>>;
  if (severity !== 'page' && severity !== 'ticket') {
    throw new Error(`${field}.severity: must be 'page' or 'ticket', got ${JSON.stringify(severity)}`);
  }
  const long = durationField(longWindow, `${field}.longWindow`, '1h');
  const short = durationField(shortWindow, `${field}.shortWindow`, '5m');
  if (short.ms >= long.ms) {
    throw new Error(`${field}.shortWindow: must be shorter than longWindow (${long.text})`);
  }
  if ((factor === undefined) === (budgetShare === undefined)) {
    throw new Error(`${field}: give exactly one of factor and budgetShare`);
  }
  if (factor !== undefined && !(typeof factor === 'number' && Number.isFinite(factor) && factor > 0)) {
    throw new Error(`${field}.factor: must be a positive number, got ${JSON.stringify(factor)}`);
  }
  if (budgetShare !== undefined && !(typeof budgetShare === 'number' && budgetShare > 0 && budgetShare <= 1)) {
    throw new Error(`${field}.budgetShare: must be a fraction in (0, 1], got ${JSON.stringify(budgetShare)}`);
  }
  // A burn rate of `factor` held over the long window spends factor × long / window of the budget.
  const resolvedFactor = typeof factor === 'number' ? factor : (Number(budgetShare) * windowLength) / long.ms;
  return {
    severity,
    longWindow: long.text,
    shortWindow: short.text,
    long: long.ms,
    short: short.ms,
    factor: resolvedFactor,
    budgetShare: typeof budgetShare === 'number' ? budgetShare : (resolvedFactor * long.ms) / windowLength,
  };
}

function durationField(value: unknown, field: string, example: string): { text: string; ms: number } {
  const ms = typeof value === 'string' ? parseDuration(value) : null;
  if (typeof value !== 'string' || ms === null) {
    throw new Error(`${field}: must be a duration like '${example}', got ${JSON.stringify(value)}`);
  }
  return { text: value.trim(), ms };
}
