import { dateTimeFormat, formattedValueToString, getValueFormat, toFixed } from '@grafana/data';

const NO_VALUE = '–';

/** Decimals that keep every nine of an objective: 99.9 has 1, 99.95 has 2. */
export function decimalsOf(percent: number): number {
  const fraction = percent.toFixed(6).split('.')[1] ?? '';
  return fraction.replace(/0+$/, '').length;
}

/** A fraction as a percent. */
export function formatPercent(fraction: number | null, decimals: number): string {
  if (fraction === null || !Number.isFinite(fraction)) {
    return NO_VALUE;
  }
  return formattedValueToString(getValueFormat('percentunit')(fraction, decimals));
}

/**
 * An SLI, with one decimal more than its objective so that 99.95% against 99.9% is not shown as
 * 100.0%; below 100% it never rounds up to 100%.
 */
export function formatSli(sli: number | null, targetPercent: number): string {
  const decimals = Math.max(2, decimalsOf(targetPercent) + 1);
  if (sli !== null && sli < 1) {
    const scale = 10 ** (decimals + 2);
    return formatPercent(Math.floor(sli * scale) / scale, decimals);
  }
  return formatPercent(sli, decimals);
}

export function formatObjective(targetPercent: number): string {
  return formattedValueToString(getValueFormat('percent')(targetPercent, decimalsOf(targetPercent)));
}

/** Remaining or spent budget, e.g. "50.0%"; overspent budgets are negative. */
export function formatBudget(fraction: number | null): string {
  return formatPercent(fraction, 1);
}

export function formatBurnRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) {
    return NO_VALUE;
  }
  return `${toFixed(rate, rate < 10 ? 2 : rate < 100 ? 1 : 0)}x`;
}

export function formatEvents(count: number): string {
  return formattedValueToString(getValueFormat('locale')(Math.round(count)));
}

/** A duration such as "3 days" or "4 minutes", to the nearest minute (float noise must not show 59 for 60). */
export function formatDuration(ms: number): string {
  return formattedValueToString(getValueFormat('dtdurationms')(Math.round(ms / 60_000) * 60_000));
}

export function formatTime(time: number, timeZone: string): string {
  return dateTimeFormat(time, { timeZone });
}

/** The SLO window in words: "30 days", "calendar month". */
export function describeWindow(window: string): string {
  const calendar = /^calendar:(week|month|quarter)$/.exec(window);
  if (calendar) {
    return `calendar ${calendar[1]}`;
  }
  const days = /^(\d+)d$/.exec(window);
  if (days) {
    return days[1] === '1' ? '1 day' : `${days[1]} days`;
  }
  return window;
}
