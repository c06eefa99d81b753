import type { GrafanaTheme2 } from '@grafana/data';

/** How much error budget is left, in the words the gauge and the summary use. */
export type BudgetHealth = 'healthy' | 'warning' | 'critical' | 'exhausted' | 'unknown';

/** healthy: at least 50% left; warning: 25–50%; critical: under 25%; exhausted: 0% or less. */
export function budgetHealth(remaining: number | null): BudgetHealth {
  if (remaining === null) {
    return 'unknown';
  }
  // Budgets are fractions of float products (0.001 × events): 50% must not read as 49.99…%.
  remaining = Math.round(remaining * 1e9) / 1e9;
  if (remaining <= 0) {
    return 'exhausted';
  }
  if (remaining < 0.25) {
    return 'critical';
  }
  return remaining < 0.5 ? 'warning' : 'healthy';
}

export const budgetHealthLabel: Record<BudgetHealth, string> = {
  healthy: 'Healthy',
  warning: 'Warning',
  critical: 'Critical',
  exhausted: 'Exhausted',
  unknown: 'Unknown',
};

/** Theme colours, readable as text on the panel background in light and dark themes. */
export function budgetHealthColor(theme: GrafanaTheme2, health: BudgetHealth): string {
  switch (health) {
    case 'healthy':
      return theme.colors.success.text;
    case 'warning':
      return theme.colors.warning.text;
    case 'critical':
      return theme.colors.error.text;
    case 'exhausted':
      return theme.visualization.getColorByName(theme.isDark ? 'semi-dark-red' : 'dark-red');
    case 'unknown':
      return theme.colors.text.secondary;
  }
}
