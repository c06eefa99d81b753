import { testIds } from '../../src/components/testIds';
import { useBrowser, lastDays, withPage } from './helpers/host';

// tests/e2e/fixtures/dashboards/host-fixtures.json: panels stored the ways Grafana may hand them over.
const FIXTURES = '/d/e2e-host';

const browser = useBrowser();

describe('the test host, with panels stored the ways Grafana stores them', () => {
  test('draws a library panel from its model in /api/library-elements', async () => {
    await withPage(browser(), `${FIXTURES}?${lastDays(30)}`, {}, async (host) => {
      await host.waitForPanels();
      expect(host.requests).toContain('GET /api/library-elements/e2e-checkout-availability');
      const panel = host.page.locator('[data-panel-id="1"]');
      expect(await panel.getAttribute('data-panel-state')).toBe('Done');
      expect(await panel.getByRole('heading').first().textContent()).toBe('Checkout availability (library panel)');
      await panel.getByTestId(testIds.summary.sli).waitFor();
    });
  });

  test("runs the plugin's migration on options saved by an older version, then fills defaults", async () => {
    await withPage(browser(), `${FIXTURES}?${lastDays(30)}`, {}, async (host) => {
      await host.waitForPanels();
      // Saved as version 1's { target: 99.5, window: '28d' }; the panel reads the current shape.
      const options = await host.page.evaluate(() => window.__ninesTestHost?.panelOptions(2));
      expect(options).toMatchObject({ view: 'summary', objective: { target: 99.5, window: '28d' } });
      const panel = host.page.locator('[data-panel-id="2"]');
      expect(await panel.getByTestId(testIds.summary.objective).textContent()).toContain('99.5');
    });
  });

  test('shows a placeholder, not an error, for a core Grafana panel it cannot draw', async () => {
    await withPage(browser(), `${FIXTURES}?${lastDays(30)}`, {}, async (host) => {
      await host.waitForPanels();
      const panel = host.page.locator('[data-panel-id="3"]');
      expect(await panel.getAttribute('data-panel-state')).toBe('core');
      expect(await panel.getByTestId('host panel-placeholder').textContent()).toContain('core Grafana panel');
      await host.screenshot('host-fixtures-dark', { fullPage: true });
    });
  });
});
