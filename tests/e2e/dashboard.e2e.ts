import { testIds } from '../../src/components/testIds';
import { DAY, HOUR, expectClose, numberIn, serviceTruth } from './helpers/groundTruth';
import { useBrowser, lastDays, trafficEnd, withPage, type HostPage, type Theme } from './helpers/host';
import { EXAMPLE_TEAMS, EXAMPLE_UIDS, overviewDone } from './helpers/overview';

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
  const OVERVIEW = '/d/nines-overview';

  /** The one Nines panel, in its overview view, once every SLO it shows is drawn; the uids of its table rows. */
  async function overviewPanel(host: HostPage) {
    await host.waitForPanels();
    const panels = host.page.locator('[data-panel-type="nines-slo-panel"]');
    expect(await panels.count()).toBe(1);
    expect(await panels.first().getAttribute('data-panel-state')).toBe('Done');
    const panel = panels.first();
    await panel.locator(`[data-testid="${testIds.sloPanel.container}"][data-view="overview"]`).waitFor();
    const shown = await overviewDone(host, panel);
    const rows = await panel
      .getByTestId(testIds.overview.table)
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => ({
          uid: (tr.getAttribute('data-testid') ?? '').replace('data-testid nines-overview-row-', ''),
          team: tr.querySelectorAll('td')[1]?.textContent ?? '',
        }))
      );
    expect(rows).toHaveLength(shown);
    const text = await panel.innerText();
    expect(text).not.toMatch(/NaN|Infinity/);
    return { panel, rows };
  }

  for (const theme of ['dark', 'light'] satisfies Theme[]) {
    test(`one overview panel draws every example SLO, with the team variable set to All (${theme})`, async () => {
      await withPage(browser(), `${OVERVIEW}?${lastDays(30)}`, { user: 'viewer', theme }, async (host) => {
        const { panel, rows } = await overviewPanel(host);
        expect(rows.map((row) => row.uid)).toEqual(expect.arrayContaining(EXAMPLE_UIDS));
        for (const uid of EXAMPLE_UIDS) {
          // Every example SLO has numbers (none is "No data") and a compliance row.
          expect({ uid, state: await panel.getByTestId(testIds.overview.state(uid)).count() }).toEqual({
            uid,
            state: 0,
          });
          await panel.getByTestId(testIds.overview.gridRow(uid)).waitFor();
        }
        // The panel evaluates at the end of its time range, from tiles on whole hours (as the page).
        const lastHour = trafficEnd() - (trafficEnd() % HOUR);
        const truth = serviceTruth('checkout', lastHour - 30 * DAY, lastHour);
        const sli = await panel.getByTestId(testIds.overview.sli('checkout-availability')).textContent();
        expectClose('checkout SLI in the panel', numberIn(sli) / 100, truth.sli, 0.0001);
        await host.expectAccessible();
        await host.screenshot(`dashboard-overview-${theme}`);
      });
    });
  }

  test('var-team in the URL narrows the panel to that team', async () => {
    const team = 'discovery';
    await withPage(browser(), `${OVERVIEW}?${lastDays(30)}&var-team=${team}`, { theme: 'dark' }, async (host) => {
      const { panel, rows } = await overviewPanel(host);
      expect(rows.map((row) => row.team)).toEqual(rows.map(() => team));
      expect(rows.map((row) => row.uid)).toEqual(expect.arrayContaining(EXAMPLE_TEAMS[team]));
      for (const uid of EXAMPLE_UIDS.filter((each) => !EXAMPLE_TEAMS[team].includes(each))) {
        expect({ uid, rows: await panel.getByTestId(testIds.overview.row(uid)).count() }).toEqual({ uid, rows: 0 });
        expect({ uid, grid: await panel.getByTestId(testIds.overview.gridRow(uid)).count() }).toEqual({ uid, grid: 0 });
      }
      await host.expectAccessible();
    });
  });
});
