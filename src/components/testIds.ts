// Every data-testid of the plugin, shared by unit tests and browser tests so that a renamed
// element breaks at compile time.
export const testIds = {
  slosPage: {
    container: 'data-testid nines-slos-page',
  },
  sloPanel: {
    container: 'data-testid nines-slo-panel',
    objective: 'data-testid nines-slo-panel-objective',
  },
};
