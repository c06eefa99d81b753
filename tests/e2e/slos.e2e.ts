import { testIds } from '../../src/components/testIds';
import { sloPageUrl } from '../../src/constants';
import { hostUrl, lastDays, trafficEnd, useBrowser, withPage, type Theme } from './helpers/host';

const LIST = '/a/nines-slo-app/slos';
// tests/e2e/fixtures/library-elements.json, drawn as panel 1 of tests/e2e/fixtures/dashboards/host-fixtures.json.
const UID = 'e2e-checkout-availability';
const DASHBOARD = '/d/e2e-host';
const ELEMENT = `/api/library-elements/${UID}`;

interface Element {
  name: string;
  folderUid: string;
  kind: number;
  version: number;
  model: Record<string, unknown>;
}

async function api(method: string, path: string, body?: unknown): Promise<Element> {
  const response = await fetch(new URL(path, hostUrl()), {
    method,
    headers: { cookie: 'nines_host_user=admin', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  }
  const answer: { result: Element } = await response.json();
  return answer.result;
}

async function patchModel(model: Record<string, unknown>): Promise<void> {
  const current = await api('GET', ELEMENT);
  await api('PATCH', ELEMENT, {
    name: current.name,
    folderUid: current.folderUid,
    kind: current.kind,
    version: current.version,
    model,
  });
}

const browser = useBrowser();

describe('the SLO list and the SLO page', () => {
  // The seeded library panel was saved without the SLO details a panel has no place for (the
  // `nines` block with the service): the list shows it as not readable. Give it what the app saves
  // with an SLO, as an editor of the panel would, and put it back afterwards.
  let original: Record<string, unknown> | undefined;

  test('lists the seeded library panel with its problem while it does not read as an SLO', async () => {
    await withPage(browser(), LIST, {}, async (host) => {
      const row = host.byTestId(testIds.slosPage.invalidRow(UID));
      await row.waitFor();
      expect(await row.textContent()).toContain('model.nines.spec.service');
    });
    original = (await api('GET', ELEMENT)).model;
    await patchModel({
      ...original,
      nines: {
        schemaVersion: 1,
        spec: {
          service: 'checkout',
          team: 'payments',
          labels: { tier: '1' },
          runbookUrl: 'https://runbooks.example.com/checkout',
          timeZone: 'UTC',
          source: { kind: 'raw' },
        },
      },
    });
  });

  afterAll(async () => {
    if (original) {
      await patchModel(original);
    }
  });

  for (const theme of ['light', 'dark'] satisfies Theme[]) {
    test(`lists the seeded SLO in the ${theme} theme, accessibly`, async () => {
      await withPage(browser(), `${LIST}?to=${trafficEnd()}`, { theme }, async (host) => {
        const row = host.byTestId(testIds.slosPage.row(UID));
        await host.byTestId(testIds.slosPage.budgetBar(UID)).waitFor();
        const cells = await row.getByRole('cell').allTextContents();
        expect(cells.slice(0, 6)).toEqual([
          'Checkout availability (library panel)',
          'checkout',
          'payments',
          '99.9%',
          '30 days',
          'Good / total queries (prometheus)',
        ]);
        expect(cells.slice(6).join(' ')).toMatch(/^\d+\.\d+% -?\d+\.\d% \d+(\.\d+)?x .+$/);
        await host.expectAccessible();
        await host.screenshot(`slo-list-${theme}`);
      });
    });
  }

  test("opens the SLO's page from the list", async () => {
    await withPage(browser(), LIST, {}, async (host) => {
      await host.byTestId(testIds.slosPage.row(UID)).getByRole('link').click();
      await host.byTestId(testIds.sloPage.header).waitFor();
      expect(new URL(host.page.url()).pathname).toBe(sloPageUrl(UID));
      expect(await host.page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Checkout availability (library panel)'
      );
      await host.byTestId(testIds.summary.sli).waitFor();
    });
  });

  test('shows the SLI and budget left that the same library panel shows on a dashboard', async () => {
    let panelSli = '';
    let panelBudget = '';
    await withPage(browser(), `${DASHBOARD}?${lastDays(30)}`, {}, async (host) => {
      await host.waitForPanels();
      const panel = host.page.locator('[data-panel-id="1"]');
      panelSli = (await panel.getByTestId(testIds.summary.sli).textContent()) ?? '';
      panelBudget = (await panel.getByTestId(testIds.summary.budget).textContent()) ?? '';
    });
    expect(panelSli).toMatch(/^\d+\.\d+%$/);

    await withPage(browser(), `${sloPageUrl(UID)}?to=${trafficEnd()}`, {}, async (host) => {
      const sli = host.byTestId(testIds.summary.sli);
      await sli.waitFor();
      expect(await sli.textContent()).toBe(panelSli);
      expect(await host.byTestId(testIds.summary.budget).textContent()).toBe(panelBudget);
    });

    await withPage(browser(), `${LIST}?to=${trafficEnd()}`, {}, async (host) => {
      const sli = host.byTestId(testIds.slosPage.sli(UID));
      await sli.waitFor();
      expect(await sli.textContent()).toBe(panelSli);
      expect(`${await host.byTestId(testIds.slosPage.budget(UID)).textContent()} budget left`).toBe(panelBudget);
    });
  });

  for (const theme of ['light', 'dark'] satisfies Theme[]) {
    test(`draws the SLO's page in the ${theme} theme, accessibly`, async () => {
      await withPage(browser(), `${sloPageUrl(UID)}?to=${trafficEnd()}`, { theme }, async (host) => {
        await host.byTestId(testIds.summary.sli).waitFor();
        await host.byTestId(testIds.trend.container).waitFor();
        await host.expectAccessible();
        await host.screenshot(`slo-detail-${theme}`);
      });
    });
  }
});
