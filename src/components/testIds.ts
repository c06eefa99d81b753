// Every data-testid of the plugin, shared by unit tests and browser tests so that a renamed
// element breaks at compile time.
export const testIds = {
  slosPage: {
    container: 'data-testid nines-slos-page',
  },
};
