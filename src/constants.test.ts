import pluginJson from './plugin.json';
import { ROUTES, prefixRoute } from './constants';

describe('routes', () => {
  it('are exactly the pages that plugin.json lists', () => {
    const pages = pluginJson.includes
      .filter(({ type }) => type === 'page')
      .map(({ path }) => path.replace('%PLUGIN_ID%', pluginJson.id));

    expect(pages.sort()).toEqual(Object.values(ROUTES).map(prefixRoute).sort());
  });

  it('live under the app base URL', () => {
    expect(prefixRoute(ROUTES.Slos)).toBe('/a/nines-slo-app/slos');
  });
});
