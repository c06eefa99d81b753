import { createTheme } from '@grafana/data';
import { budgetHealth, budgetHealthColor } from './health';

describe('budgetHealth', () => {
  it('puts each boundary in the healthier bucket, and 0% in exhausted', () => {
    expect(budgetHealth(1)).toBe('healthy');
    expect(budgetHealth(0.5)).toBe('healthy');
    expect(budgetHealth(0.49999999999999994)).toBe('healthy');
    expect(budgetHealth(0.4999)).toBe('warning');
    expect(budgetHealth(0.25)).toBe('warning');
    expect(budgetHealth(0.2499)).toBe('critical');
    expect(budgetHealth(0.0001)).toBe('critical');
    expect(budgetHealth(0)).toBe('exhausted');
    expect(budgetHealth(-3)).toBe('exhausted');
    expect(budgetHealth(null)).toBe('unknown');
  });

  it('gives each health its own theme colour in both themes', () => {
    for (const mode of ['light', 'dark'] as const) {
      const theme = createTheme({ colors: { mode } });
      const colors = (['healthy', 'warning', 'critical', 'exhausted', 'unknown'] as const).map((health) =>
        budgetHealthColor(theme, health)
      );
      expect(new Set(colors).size).toBe(colors.length);
    }
  });
});
