import { testIds } from '../../src/components/testIds';
import { useBrowser, lastDays, withPage, type Theme } from './helpers/host';

const DASHBOARD = '/d/nines-service';

const browser = useBrowser();

describe('the provisioned service dashboard', () => {
  for (const theme of ['dark', 'light'] satisfies Theme[]) {
    test(`draws every Nines panel with data from Prometheus in the ${theme} theme`, async () => {
      await withPage(browser(), `${DASHBOARD}?${lastDays(30)}`, { theme }, async (host) => {
        await host.waitForPanels();
        const panels = host.page.locator('[data-panel-type="nines-slo-panel"]');
        const count = await panels.count();
        expect(count).toBeGreaterThan(0);
        for (let index = 0; index < count; index++) {
          const panel = panels.nth(index);
          const id = await panel.getAttribute('data-panel-id');
          expect({ id, state: await panel.getAttribute('data-panel-state') }).toEqual({ id, state: 'Done' });
          await panel.getByTestId(testIds.sloPanel.container).waitFor();
        }
        await host.expectAccessible();
        await host.screenshot(`dashboard-service-${theme}`, { fullPage: true });
      });
    });
  }

  test('draws one panel at full size with viewPanel', async () => {
    await withPage(browser(), `${DASHBOARD}?${lastDays(30)}&viewPanel=panel-3`, {}, async (host) => {
      await host.waitForPanels();
      const panels = host.page.locator('[data-panel-id]');
      expect(await panels.count()).toBe(1);
      expect(await panels.first().getAttribute('data-panel-id')).toBe('3');
      await host.screenshot('dashboard-service-trend-dark');
    });
  });

  test('zooms to the span dragged over the SLI trend: the URL takes the range and the panels query it', async () => {
    await withPage(browser(), DASHBOARD, {}, async (host) => {
      await host.waitForPanels();
      // Without from/to in the URL, the dashboard's own time range applies.
      expect(await host.byTestId('host time-range').textContent()).toBe('Last 30 days');
      const plot = host.page.locator('[data-panel-id="3"]').getByTestId(testIds.timeChart.plot);
      const box = await plot.boundingBox();
      if (!box) {
        throw new Error('the SLI trend has no plot area');
      }
      const answered = host.page.waitForResponse((response) => response.url().includes('/api/ds/query'));
      const y = box.y + box.height / 2;
      await host.page.mouse.move(box.x + box.width * 0.5, y);
      await host.page.mouse.down();
      await host.page.mouse.move(box.x + box.width * 0.75, y, { steps: 5 });
      await host.page.mouse.up();
      expect((await answered).ok()).toBe(true);

      const url = new URL(host.page.url());
      const from = Date.parse(url.searchParams.get('from') ?? '');
      const to = Date.parse(url.searchParams.get('to') ?? '');
      // A quarter of the 30-day chart, written as ISO times like Grafana's dashboards do.
      expect((to - from) / 86_400_000).toBeCloseTo(7.5, 0);
      expect(url.searchParams.get('from')).toBe(new Date(from).toISOString());
      await host.waitForPanels();
      expect(await host.page.locator('[data-panel-state="Error"]').count()).toBe(0);
      expect(await host.byTestId('host time-range').textContent()).not.toBe('Last 30 days');
    });
  });
});

describe('the provisioned reliability overview', () => {
  test("draws every example SLO's summary from its library panel, one row per team", async () => {
    await withPage(browser(), `/d/nines-overview?${lastDays(30)}`, { theme: 'dark' }, async (host) => {
      await host.waitForPanels();
      // Rows and panel titles are both level-2 headings; the rows are the teams.
      const headings = await host.page.getByRole('heading', { level: 2 }).allTextContents();
      expect(headings.filter((heading) => heading.startsWith('Team '))).toEqual([
        'Team payments',
        'Team discovery',
        'Team platform',
      ]);
      const panels = host.page.locator('[data-panel-type="nines-slo-panel"]');
      expect(await panels.count()).toBe(5);
      for (let index = 0; index < 5; index++) {
        const panel = panels.nth(index);
        const id = await panel.getAttribute('data-panel-id');
        expect({ id, state: await panel.getAttribute('data-panel-state') }).toEqual({ id, state: 'Done' });
        await panel.getByTestId(testIds.summary.container).waitFor();
      }
      await host.expectAccessible();
      await host.screenshot('dashboard-overview-dark', { fullPage: true });
    });
  });
});
