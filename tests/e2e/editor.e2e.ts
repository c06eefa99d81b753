/**
 * The SLO app's editing flows against the test host and a real Prometheus, in order: an Editor
 * creates an SLO in the editor, finds it in the list, adds it to a new dashboard, saves an edit
 * over someone else's change, a Viewer is shown what they may not do, and the Editor deletes it
 * once no dashboard uses it. Each test names what it needs from the one before; afterAll removes
 * whatever is left, so the other files see only their own SLO.
 */
import { testIds } from '../../src/components/testIds';
import { parseDuration } from '../../src/engine';
import { editSloUrl, newSloUrl, sloPageUrl } from '../../src/constants';
import {
  api,
  callApi,
  changeElement,
  deleteDashboard,
  elementExists,
  elementPath,
  getDashboard,
  getElement,
  libraryPanelUids,
  patchBody,
  removeLibraryPanel,
} from './helpers/api';
import {
  buildCheckoutRatio,
  chooseInCombobox,
  fieldInput,
  fillDetails,
  next,
  openStep,
  previewFigures,
  type Details,
} from './helpers/editor';
import { DAY, HOUR, expectClose, numberIn, observedTruth, serviceTruth } from './helpers/groundTruth';
import {
  lastDays,
  trafficEnd,
  useBrowser,
  withPage,
  type HostPage,
  type OpenPageOptions,
  type Theme,
} from './helpers/host';

const LIST = '/a/nines-slo-app/slos';
const DETAILS: Details = {
  name: 'Checkout requests (editor e2e)',
  service: 'checkout',
  team: 'payments',
  label: ['tier', '1'],
  runbookUrl: 'https://runbooks.example.com/checkout-requests',
  folder: 'SLOs',
};

/**
 * A new SLO's uid ends in a random suffix, which the review shows: a seeded Math.random keeps the
 * screenshots the same from run to run.
 */
function seedRandom() {
  let seed = 20_240_601;
  Math.random = () => {
    seed = (seed * 16_807) % 2_147_483_647;
    return (seed - 1) / 2_147_483_646;
  };
}

/** Opens the editor of a new SLO (the list's Create SLO leads there) with a seeded Math.random. */
async function openNewEditor(host: HostPage, theme: Theme): Promise<void> {
  await host.byTestId(testIds.slosPage.createSlo).waitFor();
  expect(await host.byTestId(testIds.slosPage.createSlo).getAttribute('href')).toBe(newSloUrl());
  await host.page.addInitScript(seedRandom);
  await host.page.goto(`${newSloUrl()}?theme=${theme}`);
  await host.byTestId(testIds.editor.container).waitFor();
}

/**
 * axe on the page as a reader sees it: the mouse off its controls and no control focused. The
 * button just clicked keeps the focus, and @grafana/ui draws a focused primary button in its hover
 * colour, which in the dark theme has 3.55:1 contrast: Grafana's own style, the same on every page.
 */
async function expectAccessible(host: HostPage): Promise<void> {
  await host.page.mouse.move(0, 0);
  await host.page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) {
      document.activeElement.blur();
    }
  });
  await host.expectAccessible();
}

/** The preview once the queries of the finished SLI answered. */
async function settledPreview(host: HostPage) {
  const preview = host.byTestId(testIds.sliStep.preview.container);
  await preview.getByTestId(testIds.sliStep.preview.loading).waitFor({ state: 'detached' });
  return previewFigures(host);
}

/**
 * Fills every step of a new checkout SLO, checking each step's accessibility and the preview's
 * numbers against the ground truth of the last 24 hours; ends on the review.
 */
async function fillNewSlo(host: HostPage, theme: Theme): Promise<void> {
  // The preview ends at the browser's now, which otherwise runs on from the end of the traffic while
  // the steps are filled: Prometheus holds a few more minutes, and the 24 hours would move over them.
  await host.page.clock.setFixedTime(trafficEnd());
  await host.byTestId(testIds.editor.stepContent('sli')).waitFor();
  await host.byTestId(testIds.sliStep.preview.waiting).waitFor();
  await buildCheckoutRatio(host);
  const preview = await settledPreview(host);
  const truth = serviceTruth('checkout', trafficEnd() - DAY, trafficEnd());
  // The preview floors the SLI to 2 decimals of a percent.
  expectClose('preview SLI', numberIn(preview.sli) / 100, truth.sli, 0.0001);
  // Counts come from counter samples on 1-minute steps aligned by Grafana, so each end of the 24
  // hours may be off by a step, or more next to a scrape gap (bad events come in bursts, so an
  // average minute is not enough).
  const observed = observedTruth('checkout', trafficEnd() - DAY, trafficEnd());
  for (const kind of ['good', 'bad', 'total'] as const) {
    const { low, high } = observed[kind];
    const label = `${kind[0].toUpperCase()}${kind.slice(1)} events`;
    expectClose(`preview ${kind} events`, numberIn(preview.events[label]), (low + high) / 2, (high - low) / 2);
  }
  expect(await host.byTestId(testIds.sliStep.promqlEvent).textContent()).toContain(
    'nines_demo_http_requests_total{service="checkout",code!~"5.."}'
  );
  await expectAccessible(host);
  await host.screenshot(`editor-sli-${theme}`, { fullPage: true });

  await next(host, 'objective');
  await fieldInput(host, 'objective.target').fill('99.9');
  await chooseInCombobox(host.page, fieldInput(host, 'objective.window'), '30 days');
  await expectAccessible(host);

  await next(host, 'alerting');
  await host.byTestId(testIds.alertTiersEditor.container).waitFor();
  await expectAccessible(host);

  await next(host, 'details');
  await fillDetails(host, DETAILS);
  await expectAccessible(host);

  await next(host, 'review');
  const review = (await host.byTestId(testIds.editor.review).textContent()) ?? '';
  for (const fact of [
    `Name${DETAILS.name}`,
    'ServicecheckoutTeampayments',
    'SLIRatio of good requests (Prometheus), datasource prometheus',
    'Objective99.9% over 30 days',
    'Labelstier=1',
    `Runbook${DETAILS.runbookUrl}`,
    'FolderSLOs',
  ]) {
    expect(review).toContain(fact);
  }
  expect(await host.byTestId(testIds.editor.reviewErrors).count()).toBe(0);
  await expectAccessible(host);
  await host.screenshot(`editor-review-${theme}`, { fullPage: true });
}

/** What the SLO page shows once evaluated. */
interface Shown {
  sli: string;
  budget: string;
  burnRate: string;
}

const browser = useBrowser();

describe('editing SLOs in the browser', () => {
  /** The SLO the Editor creates; every later test needs it. */
  let uid: string | undefined;
  /** The dashboard "Add to dashboard" creates. */
  let dashboardUid: string | undefined;
  /** The SLO page's numbers at the end of the traffic, which the list and the dashboard must equal. */
  let shown: Shown | undefined;

  const created = (): string => {
    if (uid === undefined) {
      throw new Error('no SLO: the create test did not get to save one');
    }
    return uid;
  };

  afterAll(async () => {
    if (dashboardUid !== undefined) {
      await deleteDashboard(dashboardUid);
    }
    if (uid !== undefined && (await elementExists(uid))) {
      await api('DELETE', elementPath(uid));
    }
  });

  test('an Editor creates a ratio SLO through the steps, with a live preview, and lands on its page', async () => {
    await withPage(browser(), LIST, { user: 'editor', theme: 'light' }, async (host) => {
      await openNewEditor(host, 'light');
      await fillNewSlo(host, 'light');
      await host.byTestId(testIds.editor.save).click();

      await host.byTestId(testIds.sloPage.header).waitFor();
      const path = new URL(host.page.url()).pathname;
      expect(path).toMatch(new RegExp(`^${LIST}/checkout-requests-editor-e2e-[a-z0-9]+$`));
      uid = decodeURIComponent(path.split('/').pop() ?? '');
      expect(await host.page.getByRole('heading', { level: 1 }).textContent()).toBe(DETAILS.name);
      expect(await host.byTestId(testIds.sloPage.service).textContent()).toBe('checkout');
      expect(await host.byTestId(testIds.sloPage.team).textContent()).toBe('payments');
      expect(await host.byTestId(testIds.sloPage.folder).textContent()).toBe('SLOs');
      expect(await host.byTestId(testIds.sloPage.runbook).textContent()).toBe(DETAILS.runbookUrl);
      expect(await host.byTestId(testIds.sloPage.labels).textContent()).toBe('tier=1');
      await host.byTestId(testIds.summary.sli).waitFor();
    });

    const element = await getElement(created());
    expect(element).toMatchObject({ name: DETAILS.name, folderUid: 'slos', version: 1 });
  });

  test("the SLO's page shows the generator's ground truth for checkout over the 30 days", async () => {
    const to = trafficEnd();
    const truth = serviceTruth('checkout', to - 30 * DAY, to);
    // The panel reads the data at its planned step (5m for 30 days): its 1h window is the hour of
    // whole steps ending at the last step before `to`.
    const step = parseDuration(String((await getElement(created())).model.interval)) ?? 0;
    const lastStep = step > 0 ? to - (to % step) : to;
    const hour = serviceTruth('checkout', lastStep - HOUR, lastStep);
    const remaining = 1 - truth.bad / (0.001 * truth.total);
    const burnRate = hour.bad / hour.total / 0.001;

    await withPage(browser(), `${sloPageUrl(created())}?to=${to}`, { user: 'editor', theme: 'dark' }, async (host) => {
      const sli = host.byTestId(testIds.summary.sli);
      await sli.waitFor();
      shown = {
        sli: (await sli.textContent()) ?? '',
        budget: (await host.byTestId(testIds.summary.budget).textContent()) ?? '',
        burnRate: (await host.byTestId(testIds.summary.burnRate).textContent()) ?? '',
      };
      const gauge = await host.byTestId(testIds.budget.gauge).getAttribute('aria-label');
      const events = host.byTestId(testIds.sloPage.events);
      const [good, bad, total] = (await events.locator('dd').allTextContents()).map(numberIn);

      // The SLI is floored to 2 decimals of a percent, the budget rounded to 1, the burn rate to 2.
      expectClose('SLI', numberIn(shown.sli) / 100, truth.sli, 0.0001);
      expectClose('budget left', numberIn(gauge) / 100, remaining, 0.0005);
      expectClose('budget left (summary)', numberIn(shown.budget) / 100, remaining, 0.0005);
      expectClose('1h burn rate', numberIn(shown.burnRate), burnRate, 0.005);
      expectClose('good events', good, truth.good, 0);
      expectClose('bad events', bad, truth.bad, 0);
      expectClose('total events', total, truth.total, 0);
      await expectAccessible(host);
    });
  });

  for (const theme of ['light', 'dark'] satisfies Theme[]) {
    test(`the list shows the new SLO with its service, team and the page's numbers (${theme})`, async () => {
      const slo = created();
      await withPage(browser(), `${LIST}?to=${trafficEnd()}`, { user: 'editor', theme }, async (host) => {
        await host.byTestId(testIds.slosPage.budgetBar(slo)).waitFor();
        const cells = await host.byTestId(testIds.slosPage.row(slo)).getByRole('cell').allTextContents();
        expect(cells.slice(0, 6)).toEqual([
          DETAILS.name,
          'checkout',
          'payments',
          '99.9%',
          '30 days',
          'Ratio of good requests (Prometheus)',
        ]);
        expect(await host.byTestId(testIds.slosPage.sli(slo)).textContent()).toBe(shown?.sli);
        expect(`${await host.byTestId(testIds.slosPage.budget(slo)).textContent()} budget left`).toBe(shown?.budget);
        expect(numberIn(await host.byTestId(testIds.slosPage.burnRate(slo)).textContent())).toBe(
          numberIn(shown?.burnRate ?? null)
        );
        await expectAccessible(host);
      });
    });
  }

  test('"Add to dashboard" puts the SLO on a new dashboard in its folder', async () => {
    const page = `${sloPageUrl(created())}?to=${trafficEnd()}`;
    await withPage(browser(), page, { user: 'editor', theme: 'dark' }, async (host) => {
      await host.byTestId(testIds.summary.sli).waitFor();
      await host.byTestId(testIds.sloPage.addToDashboard).click();
      const modal = host.byTestId(testIds.addToDashboard.modal);
      await modal.waitFor();
      expect(await host.byTestId(testIds.addToDashboard.title).inputValue()).toBe(DETAILS.name);
      expect(await modal.locator('#nines-add-to-dashboard-folder').inputValue()).toBe('SLOs');
      await expectAccessible(host);
      await host.screenshot('slo-add-to-dashboard-dark');
      await host.byTestId(testIds.addToDashboard.submit).click();
      const added = host.byTestId(testIds.addToDashboard.added);
      await added.waitFor();
      await expectAccessible(host);
      const href = (await added.getByRole('link').getAttribute('href')) ?? '';
      dashboardUid = /^\/d\/([^/?]+)/.exec(href)?.[1];
    });
    if (dashboardUid === undefined) {
      throw new Error('the added dashboard has no /d/<uid> link');
    }
    const dashboard = await getDashboard(dashboardUid);
    expect(dashboard.dashboard.title).toBe(DETAILS.name);
    expect(dashboard.meta.folderUid).toBe('slos');
    expect(libraryPanelUids(dashboard)).toEqual([created()]);
  });

  for (const theme of ['light', 'dark'] satisfies Theme[]) {
    test(`the new dashboard's library panel shows the SLO page's SLI and budget (${theme})`, async () => {
      if (dashboardUid === undefined) {
        throw new Error('no dashboard: the add to dashboard test did not create one');
      }
      await withPage(browser(), `/d/${dashboardUid}?${lastDays(30)}`, { user: 'editor', theme }, async (host) => {
        await host.waitForPanels();
        const panel = host.page.locator('[data-panel-type="nines-slo-panel"]');
        expect(await panel.count()).toBe(1);
        expect(await panel.getByTestId(testIds.summary.sli).textContent()).toBe(shown?.sli);
        expect(await panel.getByTestId(testIds.summary.budget).textContent()).toBe(shown?.budget);
        await expectAccessible(host);
      });
    });
  }

  test('an edit saved over a change made meanwhile shows the conflict, keeps the edit, and overwrites', async () => {
    const slo = created();
    let serverVersion = 0;
    // The browser reports the refused save (412) as a failed resource; the page handles it.
    const refused: OpenPageOptions = {
      user: 'editor',
      theme: 'dark',
      allowErrors: [/status of 412 \(Precondition Failed\)/],
    };
    await withPage(browser(), editSloUrl(slo), refused, async (host) => {
      await host.byTestId(testIds.editor.container).waitFor();
      await openStep(host, 'objective');
      expect(await fieldInput(host, 'objective.target').inputValue()).toBe('99.9');
      await fieldInput(host, 'objective.target').fill('99.5');

      // Meanwhile an admin changes the description in Grafana.
      serverVersion = (await changeElement(slo, (model) => ({ ...model, description: 'Edited by an admin meanwhile' })))
        .version;

      await openStep(host, 'review');
      await host.byTestId(testIds.editor.save).click();
      const conflict = host.byTestId(testIds.editor.conflict);
      await conflict.waitFor();
      const change = host.byTestId(testIds.editor.conflictChange('description'));
      expect(await change.getByRole('cell').allTextContents()).toEqual([
        'Description',
        'Edited by an admin meanwhile',
        '(empty)',
      ]);
      // The user's edit is still in the form.
      expect(await host.byTestId(testIds.editor.review).textContent()).toContain('Objective99.5% over 30 days');
      await expectAccessible(host);
      await host.screenshot('slo-conflict-dark', { fullPage: true });
      await openStep(host, 'objective');
      expect(await fieldInput(host, 'objective.target').inputValue()).toBe('99.5');

      await host.byTestId(testIds.editor.overwrite).click();
      await host.byTestId(testIds.sloPage.header).waitFor();
      expect(new URL(host.page.url()).pathname).toBe(sloPageUrl(slo));
    });

    const saved = await getElement(slo);
    expect(saved.version).toBe(serverVersion + 1);
    expect(saved.model).toMatchObject({
      description: '',
      options: { objective: { target: 99.5, window: '30d' } },
      nines: { spec: { service: 'checkout', team: 'payments', labels: { tier: '1' } } },
    });
  });

  test('the editor opens the stored SLO in the light theme, accessibly, and Cancel goes back to its page', async () => {
    const slo = created();
    await withPage(browser(), editSloUrl(slo), { user: 'editor', theme: 'light' }, async (host) => {
      await host.byTestId(testIds.editor.container).waitFor();
      expect(await host.byTestId(testIds.sliStep.metric).inputValue()).toBe('nines_demo_http_requests_total');
      await settledPreview(host);
      await expectAccessible(host);
      for (const step of ['objective', 'alerting', 'details', 'review']) {
        await openStep(host, step);
        await expectAccessible(host);
      }
      expect(await host.byTestId(testIds.editor.review).textContent()).toContain('Objective99.5% over 30 days');
      await host.byTestId(testIds.editor.cancel).click();
      await host.byTestId(testIds.sloPage.header).waitFor();
      expect(new URL(host.page.url()).pathname).toBe(sloPageUrl(slo));
    });
  });

  for (const theme of ['light', 'dark'] satisfies Theme[]) {
    test(`a Viewer gets no Create, Import, Edit or Delete, and no form (${theme})`, async () => {
      const slo = created();
      await withPage(browser(), LIST, { user: 'viewer', theme }, async (host) => {
        await host.byTestId(testIds.slosPage.row(slo)).waitFor();
        await host.page.waitForLoadState('networkidle');
        expect(await host.byTestId(testIds.slosPage.createSlo).count()).toBe(0);
        expect(await host.byTestId(testIds.slosPage.importSlos).count()).toBe(0);
      });
      await withPage(browser(), sloPageUrl(slo), { user: 'viewer', theme }, async (host) => {
        await host.byTestId(testIds.sloPage.header).waitFor();
        await host.byTestId(testIds.sloPage.exportOpenSlo).waitFor();
        await host.page.waitForLoadState('networkidle');
        expect(await host.byTestId(testIds.sloPage.edit).count()).toBe(0);
        expect(await host.byTestId(testIds.sloPage.delete).count()).toBe(0);
        expect(await host.byTestId(testIds.sloPage.addToDashboard).count()).toBe(0);
      });
      await withPage(browser(), editSloUrl(slo), { user: 'viewer', theme }, async (host) => {
        const refusal = host.byTestId(testIds.editor.noPermission);
        await refusal.waitFor();
        expect(await refusal.textContent()).toContain('You cannot edit this SLO');
        expect(await host.byTestId(testIds.editor.container).count()).toBe(0);
        await expectAccessible(host);
      });
    });
  }

  test("the host refuses a Viewer's save of the SLO", async () => {
    const current = await getElement(created());
    const answer = await callApi('PATCH', elementPath(current.uid), {
      user: 'viewer',
      body: patchBody(current, { ...current.model, description: 'A viewer was here' }),
    });
    expect(answer.status).toBe(403);
    expect((await getElement(current.uid)).version).toBe(current.version);
  });

  test('deleting is refused while the dashboard uses the SLO; once removed from it, delete asks and deletes', async () => {
    const slo = created();
    if (dashboardUid === undefined) {
      throw new Error('no dashboard: the add to dashboard test did not create one');
    }
    const dashboard = dashboardUid;
    // The browser reports Grafana's refusal (403) as a failed resource; the page explains it.
    const refused: OpenPageOptions = { user: 'editor', theme: 'light', allowErrors: [/status of 403 \(Forbidden\)/] };
    await withPage(browser(), sloPageUrl(slo), refused, async (host) => {
      const dialog = host.page.getByRole('dialog');
      await host.byTestId(testIds.sloPage.delete).click();
      expect(await dialog.textContent()).toContain(`Delete the SLO "${DETAILS.name}"?`);
      await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
      const problem = host.byTestId(testIds.sloPage.deleteProblem);
      await problem.waitFor();
      expect(await problem.textContent()).toContain('Dashboards use this SLO');
      expect(await problem.getByRole('link', { name: DETAILS.name }).getAttribute('href')).toBe(`/d/${dashboard}`);
      expect(await elementExists(slo)).toBe(true);

      // Someone removes the SLO's panel from the dashboard in Grafana.
      await removeLibraryPanel(dashboard, slo);

      await host.byTestId(testIds.sloPage.delete).click();
      expect(await dialog.textContent()).toContain(`Delete the SLO "${DETAILS.name}"?`);
      await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
      await host.byTestId(testIds.slosPage.container).waitFor();
      expect(new URL(host.page.url()).pathname).toBe(LIST);
      // The list once loaded: the SLOs, or only the library panels that do not read as SLOs.
      await host.page
        .locator(`[data-testid="${testIds.slosPage.table}"], [data-testid="${testIds.slosPage.invalid}"]`)
        .first()
        .waitFor();
      expect(await host.byTestId(testIds.slosPage.row(slo)).count()).toBe(0);
    });
    expect(await elementExists(slo)).toBe(false);
    // The dashboard, now empty, goes too: the other files see the host as they left it.
    await deleteDashboard(dashboard);
  });
});

describe('the editor of a new SLO in the dark theme', () => {
  test('shows every step accessibly, with the preview, and leaves without saving', async () => {
    await withPage(browser(), LIST, { user: 'editor', theme: 'dark' }, async (host) => {
      await openNewEditor(host, 'dark');
      await fillNewSlo(host, 'dark');
    });
  });
});
