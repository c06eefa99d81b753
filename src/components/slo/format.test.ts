import {
  describeWindow,
  formatBudget,
  formatBurnRate,
  formatDuration,
  formatEvents,
  formatObjective,
  formatSli,
} from './format';

describe('formatting what the panel shows', () => {
  it('shows an SLI with one decimal more than its objective, never rounded up to 100%', () => {
    expect(formatSli(0.9995, 99.9)).toBe('99.95%');
    expect(formatSli(0.99999, 99.9)).toBe('99.99%');
    expect(formatSli(0.99999, 99.99)).toBe('99.999%');
    expect(formatSli(1, 99.9)).toBe('100.00%');
    expect(formatSli(null, 99.9)).toBe('–');
  });

  it('keeps every nine of an objective', () => {
    expect(formatObjective(99.9)).toBe('99.9%');
    expect(formatObjective(99.95)).toBe('99.95%');
    expect(formatObjective(99)).toBe('99%');
  });

  it('shows budgets with one decimal, negative once overspent', () => {
    expect(formatBudget(0.5)).toBe('50.0%');
    expect(formatBudget(-0.25)).toBe('-25.0%');
    expect(formatBudget(null)).toBe('–');
  });

  it('shows burn rates as multiples', () => {
    expect(formatBurnRate(14.4)).toBe('14.4x');
    expect(formatBurnRate(0.5)).toBe('0.50x');
    expect(formatBurnRate(360)).toBe('360x');
    expect(formatBurnRate(null)).toBe('–');
  });

  it('shows event counts whole, with separators, and durations in words', () => {
    expect(formatEvents(1234567.2)).toBe('1,234,567');
    expect(formatDuration(3 * 86_400_000)).toBe('3 days');
    expect(describeWindow('30d')).toBe('30 days');
    expect(describeWindow('calendar:month')).toBe('calendar month');
  });
});
