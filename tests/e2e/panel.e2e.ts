import path from 'node:path';
import { DEFAULT_DATA_DIR, loadTraffic, readTrafficIndex } from '../../scripts/traffic/backfill';
import { eventCounts } from '../../scripts/traffic/generate';
import { testIds } from '../../src/components/testIds';
import { SCREENSHOT_DIR, useBrowser, lastDays, trafficEnd, withPage, type Theme } from './helpers/host';

const DASHBOARD = '/d/nines-service';
const DAY = 86_400_000;
/** The checkout panels of the demo dashboard, one per view. */
const VIEWS = [
  { view: 'summary', panelId: 1, container: testIds.summary.container },
  { view: 'budget', panelId: 2, container: testIds.budget.container },
  { view: 'trend', panelId: 3, container: testIds.trend.container },
  { view: 'alerts', panelId: 4, container: testIds.alerts.container },
];

/** The first number in a text: "73,459", "-25.0% budget left". */
function numberIn(text: string | null): number {
  const match = /-?[\d,]+(\.\d+)?/.exec(text ?? '');
  return match ? Number(match[0].replace(/,/g, '')) : Number.NaN;
}

/** Where the runner's demo traffic lives (the generator regenerates the ground truth from it). */
const dataDir = () => path.resolve(__dirname, '../..', process.env.E2E_DATA_DIR ?? DEFAULT_DATA_DIR);

const browser = useBrowser();

describe('the SLO panel in the browser', () => {
  for (const theme of ['light', 'dark'] satisfies Theme[]) {
    test(`draws every view in the ${theme} theme, accessibly`, async () => {
      await withPage(browser(), `${DASHBOARD}?${lastDays(30)}`, { theme }, async (host) => {
        await host.waitForPanels();
        for (const { view, panelId, container } of VIEWS) {
          const panel = host.page.locator(`[data-panel-id="${panelId}"]`);
          await panel.getByTestId(container).waitFor();
          await panel.screenshot({
            path: path.join(SCREENSHOT_DIR, `panel-${view}-${theme}.png`),
            animations: 'disabled',
            caret: 'hide',
          });
        }
        await host.expectAccessible();
      });
    });
  }

  test('pages during the checkout fast burn: the summary names the tier and the table shows it firing', async () => {
    const incident = readTrafficIndex(dataDir()).incidents.find(
      (candidate) => candidate.service === 'checkout' && candidate.kind === 'fast-burn'
    );
    if (!incident) {
      throw new Error('the demo traffic has no checkout fast burn');
    }
    // 20 minutes into the incident: 15% errors burn at 150x, above the 14.4x of the 1h/5m page.
    const to = incident.start + 20 * 60_000;
    await withPage(browser(), `${DASHBOARD}?from=${to - 30 * DAY}&to=${to}`, { theme: 'dark' }, async (host) => {
      await host.waitForPanels();
      const summary = host.page.locator('[data-panel-id="1"]');
      const alerts = host.page.locator('[data-panel-id="4"]');
      expect(await summary.getByTestId(testIds.summary.alert).textContent()).toMatch(
        /^Page firing: 1h\/5m at \d+(\.\d)?x$/
      );
      const firstTier = alerts.getByTestId(testIds.alerts.row(0));
      expect(await firstTier.getByRole('cell').nth(7).textContent()).toBe('Firing');
      await summary.screenshot({
        path: path.join(SCREENSHOT_DIR, 'panel-summary-firing-dark.png'),
        animations: 'disabled',
      });
      await alerts.screenshot({
        path: path.join(SCREENSHOT_DIR, 'panel-alerts-firing-dark.png'),
        animations: 'disabled',
      });
    });
  });

  test("shows the checkout SLO's events, SLI and budget as the generator's ground truth has them", async () => {
    const to = trafficEnd();
    const truth = eventCounts(loadTraffic(dataDir()), 'checkout', to - 30 * DAY, to);
    const sli = truth.good / truth.total;
    const remaining = 1 - truth.bad / (0.001 * truth.total);

    await withPage(browser(), `${DASHBOARD}?${lastDays(30)}`, {}, async (host) => {
      await host.waitForPanels();
      const summary = host.page.locator('[data-panel-id="1"]');
      const budget = host.page.locator('[data-panel-id="2"]');

      const shownSli = numberIn(await summary.getByTestId(testIds.summary.sli).textContent()) / 100;
      const shownRemaining = numberIn(await budget.getByTestId(testIds.budget.gauge).getAttribute('aria-label')) / 100;
      const allowed = numberIn(await budget.getByTestId(testIds.budget.allowed).textContent());
      const spent = numberIn((await budget.getByTestId(testIds.budget.spent).textContent())?.split('(')[0] ?? null);

      // Within 0.1%, plus the rounding of what is shown (2 decimals of a percent for the SLI, 1 for the budget).
      expect(Math.abs(shownSli - sli)).toBeLessThanOrEqual(0.001 * sli + 0.00005);
      expect(Math.abs(shownRemaining - remaining)).toBeLessThanOrEqual(0.001 + 0.0005);
      expect(Math.abs(allowed / 0.001 - truth.total) / truth.total).toBeLessThanOrEqual(0.001);
      expect(Math.abs(spent - truth.bad) / truth.bad).toBeLessThanOrEqual(0.001);
    });
  });
});
