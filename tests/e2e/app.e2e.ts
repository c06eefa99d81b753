import { testIds } from '../../src/components/testIds';
import { useBrowser, withPage, type Theme } from './helpers/host';

const browser = useBrowser();

describe('the app', () => {
  for (const theme of ['dark', 'light'] satisfies Theme[]) {
    test(`draws the SLOs page inside PluginPage in the ${theme} theme, accessibly`, async () => {
      await withPage(browser(), '/a/nines-slo-app/slos', { theme }, async (host) => {
        await host.byTestId(testIds.slosPage.container).waitFor();
        // PluginPage is the host's (set as Grafana does), titled from the app's nav.
        await host.byTestId('host plugin-page').waitFor();
        expect(await host.page.getByRole('heading', { level: 1 }).textContent()).toBe('SLOs');
        await host.expectAccessible();
        await host.screenshot(`app-slos-${theme}`);
      });
    });
  }

  test('sends the bare app URL to its default page', async () => {
    await withPage(browser(), '/a/nines-slo-app', {}, async (host) => {
      await host.byTestId(testIds.slosPage.container).waitFor();
      expect(new URL(host.page.url()).pathname).toBe('/a/nines-slo-app/slos');
    });
  });
});
