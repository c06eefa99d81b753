// Every data-testid of the plugin, shared by unit tests and browser tests so that a renamed
// element breaks at compile time.
export const testIds = {
  slosPage: {
    container: 'data-testid nines-slos-page',
  },
  sloPanel: {
    container: 'data-testid nines-slo-panel',
    state: 'data-testid nines-slo-panel-state',
    partialData: 'data-testid nines-slo-panel-partial-data',
    sloLink: 'data-testid nines-slo-panel-slo-link',
  },
  summary: {
    container: 'data-testid nines-summary',
    sli: 'data-testid nines-summary-sli',
    objective: 'data-testid nines-summary-objective',
    budget: 'data-testid nines-summary-budget',
    burnRate: 'data-testid nines-summary-burn-rate',
    alert: 'data-testid nines-summary-alert',
  },
  trend: {
    container: 'data-testid nines-trend',
    legend: 'data-testid nines-trend-legend',
  },
  budget: {
    container: 'data-testid nines-budget',
    gauge: 'data-testid nines-budget-gauge',
    allowed: 'data-testid nines-budget-allowed',
    spent: 'data-testid nines-budget-spent',
    exhaustion: 'data-testid nines-budget-exhaustion',
  },
  alerts: {
    container: 'data-testid nines-alerts',
    row: (index: number) => `data-testid nines-alerts-row-${index}`,
  },
  alertTiersEditor: {
    container: 'data-testid nines-alert-tiers-editor',
    add: 'data-testid nines-alert-tiers-add',
    reset: 'data-testid nines-alert-tiers-reset',
  },
  timeChart: {
    svg: 'data-testid nines-time-chart',
    plot: 'data-testid nines-time-chart-plot',
    tooltip: 'data-testid nines-time-chart-tooltip',
  },
};
