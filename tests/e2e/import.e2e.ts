/**
 * The import and configuration pages against the test host and a real Prometheus, in order: an
 * Editor checks an OpenSLO file (a dry run that writes nothing), imports it, finds the SLOs in the
 * list and on their pages, checks the same file again (unchanged), and is shown every problem of a
 * broken file with nothing written; a Viewer gets the export only. Then an Admin changes the app's
 * settings, which the editor of a new SLO starts with, and an Editor sees them read-only. afterAll
 * deletes the imported SLOs and restores the settings, so the other files see the host as before.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { testIds } from '../../src/components/testIds';
import { newSloUrl, PLUGIN_ID, sloPageUrl } from '../../src/constants';
import { api, callApi, elementExists, elementPath } from './helpers/api';
import { chooseInCombobox, fieldInput, openStep } from './helpers/editor';
import { DAY, expectClose, numberIn, serviceTruth } from './helpers/groundTruth';
import { trafficEnd, useBrowser, withPage, type HostPage, type Theme } from './helpers/host';

const IMPORT = '/a/nines-slo-app/import';
const CONFIG = '/a/nines-slo-app/config';
const LIST = '/a/nines-slo-app/slos';
const SETTINGS = `/api/plugins/${PLUGIN_ID}/settings`;

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures/import', name), 'utf8');
const FILE = fixture('slos.yaml');
const BAD_FILE = fixture('bad.yaml');

/** The SLOs of slos.yaml: uids from their metadata.name. */
const SEARCH = { uid: 'e2e-import-search-availability', name: 'Search availability (import e2e)' };
const CHECKOUT = { uid: 'e2e-import-checkout-monthly', name: 'Checkout monthly availability (import e2e)' };
const IMPORTED = [SEARCH, CHECKOUT];

/**
 * axe on the page as a reader sees it: the mouse off its controls, no control focused (a focused
 * primary button is drawn in its hover colour, 3.55:1 in the dark theme: Grafana's style), and no
 * colour transition under way.
 */
async function expectAccessible(host: HostPage): Promise<void> {
  await host.page.mouse.move(0, 0);
  await host.page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) {
      document.activeElement.blur();
    }
  });
  // The blurred button's colour transition back, which axe would catch halfway.
  await host.page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
  await host.expectAccessible();
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every library element's uid and version, as admin: what a write would change. */
async function libraryElements(): Promise<string[]> {
  const body = await api('GET', '/api/library-elements?perPage=1000');
  const elements = isRecord(body) && isRecord(body.result) ? body.result.elements : undefined;
  if (!Array.isArray(elements)) {
    throw new Error(`not a list of library elements: ${JSON.stringify(body)}`);
  }
  return elements.filter(isRecord).map((element) => `${String(element.uid)}@${String(element.version)}`);
}

/** Requests of the page that write: anything but GET, except data queries (POST /api/ds/query). */
const writes = (host: HostPage) =>
  host.requests.filter((request) => !request.startsWith('GET ') && request !== 'POST /api/ds/query');

/** Pastes the file, picks the Prometheus datasource and the SLOs folder, and checks the file. */
async function checkFile(host: HostPage, text: string): Promise<void> {
  await host.byTestId(testIds.import.form).waitFor();
  const yaml = host.byTestId(testIds.import.yaml);
  await yaml.fill(text);
  // Typing leaves the text scrolled to its end; the screenshots show its start.
  await yaml.evaluate((textarea) => textarea.scrollTo(0, 0));
  // The datasource's option names its type too: "Prometheus prometheus".
  const datasource = host.page.locator('#nines-import-datasource');
  await datasource.click();
  await datasource.fill('Prometheus');
  await host.page.getByRole('option', { name: /^Prometheus\b/ }).click();
  await chooseInCombobox(host.page, host.page.locator('#nines-import-folder'), 'SLOs');
  await host.byTestId(testIds.import.check).click();
}

/** The dry run's rows: name, uid, action and details of each SLO of the file. */
async function planRows(host: HostPage): Promise<string[][]> {
  await host.byTestId(testIds.import.plan).waitFor();
  return Promise.all(
    IMPORTED.map((slo) => host.byTestId(testIds.import.planRow(slo.uid)).getByRole('cell').allTextContents())
  );
}

const browser = useBrowser();

describe('importing SLOs in the browser', () => {
  afterAll(async () => {
    for (const { uid } of IMPORTED) {
      if (await elementExists(uid)) {
        await api('DELETE', elementPath(uid));
      }
    }
  });

  test('the dry run lists both SLOs of the file as to be created and writes nothing (dark)', async () => {
    const before = await libraryElements();
    await withPage(browser(), IMPORT, { user: 'editor', theme: 'dark' }, async (host) => {
      await checkFile(host, FILE);
      expect(await planRows(host)).toEqual([
        [SEARCH.name, SEARCH.uid, 'Create', 'New SLO in folder "SLOs"'],
        [CHECKOUT.name, CHECKOUT.uid, 'Create', 'New SLO in folder "SLOs"'],
      ]);
      expect(await host.byTestId(testIds.import.format).textContent()).toContain('OpenSLO');
      expect(await host.byTestId(testIds.import.run).textContent()).toBe('Import 2 SLOs');
      await expectAccessible(host);
      await host.screenshot('import-dry-run-dark', { fullPage: true });
      expect(writes(host)).toEqual([]);
    });
    expect(await libraryElements()).toEqual(before);
  });

  test('an Editor imports the file into the SLOs folder; the result links to each SLO (light)', async () => {
    await withPage(browser(), IMPORT, { user: 'editor', theme: 'light' }, async (host) => {
      await checkFile(host, FILE);
      expect((await planRows(host)).map((row) => row[2])).toEqual(['Create', 'Create']);
      await expectAccessible(host);
      await host.screenshot('import-dry-run-light', { fullPage: true });

      await host.byTestId(testIds.import.run).click();
      const result = host.byTestId(testIds.import.result);
      await result.waitFor();
      expect(await result.textContent()).toContain('Imported: 2 SLOs written');
      for (const slo of IMPORTED) {
        const row = host.byTestId(testIds.import.resultRow(slo.uid));
        expect(await row.getByRole('cell').allTextContents()).toEqual([slo.name, 'Created', '']);
        expect(await row.getByRole('link', { name: slo.name }).getAttribute('href')).toBe(sloPageUrl(slo.uid));
      }
      await expectAccessible(host);

      await host.byTestId(testIds.import.resultRow(SEARCH.uid)).getByRole('link').click();
      await host.byTestId(testIds.sloPage.header).waitFor();
      expect(new URL(host.page.url()).pathname).toBe(sloPageUrl(SEARCH.uid));
    });

    for (const slo of IMPORTED) {
      const element = await api('GET', elementPath(slo.uid));
      expect(element).toMatchObject({
        result: {
          uid: slo.uid,
          name: slo.name,
          folderUid: 'slos',
          version: 1,
          model: { datasource: { uid: 'prometheus', type: 'prometheus' } },
        },
      });
    }
  });

  test('the list shows the imported SLOs, and their pages show their SLI', async () => {
    await withPage(browser(), LIST, { user: 'editor', theme: 'dark' }, async (host) => {
      for (const slo of IMPORTED) {
        const row = host.byTestId(testIds.slosPage.row(slo.uid));
        await row.waitFor();
        expect((await row.getByRole('cell').first().textContent()) ?? '').toBe(slo.name);
      }
      const cells = async (uid: string) =>
        (await host.byTestId(testIds.slosPage.row(uid)).getByRole('cell').allTextContents()).slice(1, 5);
      expect(await cells(SEARCH.uid)).toEqual(['search', 'discovery', '99%', '28 days']);
      expect(await cells(CHECKOUT.uid)).toEqual(['checkout', 'payments', '99.5%', 'Calendar month']);
    });
    // The SLI over each window, floored to 2 decimals of a percent, against the generator's truth.
    const to = trafficEnd();
    const end = new Date(to);
    const monthStart = Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), 1);
    const windows = [
      { slo: SEARCH, truth: serviceTruth('search', to - 28 * DAY, to) },
      { slo: CHECKOUT, truth: serviceTruth('checkout', monthStart, to) },
    ];
    for (const { slo, truth } of windows) {
      await withPage(browser(), `${sloPageUrl(slo.uid)}?to=${to}`, { user: 'editor', theme: 'light' }, async (host) => {
        const sli = host.byTestId(testIds.summary.sli);
        await sli.waitFor();
        expectClose(`${slo.uid} SLI`, numberIn(await sli.textContent()) / 100, truth.sli, 0.0001);
      });
    }
  });

  test('checking the same file again says both are unchanged, and there is nothing to import', async () => {
    await withPage(browser(), IMPORT, { user: 'editor', theme: 'dark' }, async (host) => {
      await checkFile(host, FILE);
      expect(await planRows(host)).toEqual([
        [SEARCH.name, SEARCH.uid, 'Unchanged, skipped', 'The stored SLO is the same'],
        [CHECKOUT.name, CHECKOUT.uid, 'Unchanged, skipped', 'The stored SLO is the same'],
      ]);
      const run = host.byTestId(testIds.import.run);
      expect(await run.textContent()).toBe('Nothing to import');
      expect(await run.isDisabled()).toBe(true);
      await expectAccessible(host);
      expect(writes(host)).toEqual([]);
    });
  });

  test('a broken file lists every problem with its path, and nothing is written', async () => {
    const before = await libraryElements();
    await withPage(browser(), IMPORT, { user: 'editor', theme: 'dark' }, async (host) => {
      await checkFile(host, BAD_FILE);
      const errors = host.byTestId(testIds.import.errors);
      await errors.waitFor();
      const problems = await errors.locator('li').allTextContents();
      expect(problems).toHaveLength(2);
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^spec\.objectives\[0\]\.targetPercent: must be a percentage .*got 150$/),
          'spec.service: is required',
        ])
      );
      expect(await errors.textContent()).toContain('The file has 2 problems: nothing was imported');
      expect(await host.byTestId(testIds.import.plan).count()).toBe(0);
      expect(await host.byTestId(testIds.import.run).count()).toBe(0);
      await expectAccessible(host);
      await host.screenshot('import-errors-dark', { fullPage: true });
      expect(writes(host)).toEqual([]);
    });
    expect(await libraryElements()).toEqual(before);
    expect(await elementExists('e2e-import-broken')).toBe(false);
  });

  for (const theme of ['light', 'dark'] satisfies Theme[]) {
    test(`a Viewer is told why there is no import form, and may export every SLO (${theme})`, async () => {
      await withPage(browser(), IMPORT, { user: 'viewer', theme }, async (host) => {
        const notice = host.byTestId(testIds.import.viewerNotice);
        await notice.waitFor();
        expect(await notice.textContent()).toContain('Importing SLOs needs edit permission');
        await host.byTestId(testIds.import.exportAll).waitFor();
        await host.page.waitForLoadState('networkidle');
        expect(await host.byTestId(testIds.import.form).count()).toBe(0);
        expect(await host.byTestId(testIds.import.yaml).count()).toBe(0);
        await expectAccessible(host);

        const [download] = await Promise.all([
          host.page.waitForEvent('download'),
          host.byTestId(testIds.import.exportAll).click(),
        ]);
        expect(download.suggestedFilename()).toBe('nines-slos.yaml');
        // The browser runs in another process: the file comes as a stream, not a path.
        let exported = '';
        for await (const chunk of await download.createReadStream()) {
          exported += String(chunk);
        }
        for (const slo of IMPORTED) {
          expect(exported).toContain(`name: ${slo.uid}`);
        }
        expect(writes(host)).toEqual([]);
      });
    });
  }
});

interface PluginSettings {
  enabled: boolean;
  pinned: boolean;
  jsonData: unknown;
}

async function pluginSettings(): Promise<PluginSettings> {
  const body = await api('GET', SETTINGS);
  if (typeof body !== 'object' || body === null) {
    throw new Error(`not plugin settings: ${JSON.stringify(body)}`);
  }
  return {
    enabled: Reflect.get(body, 'enabled') === true,
    pinned: Reflect.get(body, 'pinned') === true,
    jsonData: Reflect.get(body, 'jsonData') ?? {},
  };
}

const folderInput = (host: HostPage) => host.page.locator('#nines-config-folder');
const minEventsInput = (host: HostPage) => host.byTestId(testIds.configPage.minEvents);

describe('the configuration page in the browser', () => {
  let original: PluginSettings | undefined;

  beforeAll(async () => {
    original = await pluginSettings();
  });

  afterAll(async () => {
    if (original) {
      await api('POST', SETTINGS, { body: original });
    }
  });

  test('an Admin changes the default folder and minimum events; they are kept, and a new SLO starts there', async () => {
    let minEvents = 0;
    await withPage(browser(), CONFIG, { user: 'admin', theme: 'light' }, async (host) => {
      await host.byTestId(testIds.configPage.save).waitFor();
      expect(await host.byTestId(testIds.configPage.readOnly).count()).toBe(0);
      expect(await folderInput(host).inputValue()).not.toBe('SLOs');
      await expectAccessible(host);
      await host.screenshot('config-light', { fullPage: true });

      minEvents = Number(await minEventsInput(host).inputValue()) + 150;
      await chooseInCombobox(host.page, folderInput(host), 'SLOs');
      await minEventsInput(host).fill(String(minEvents));
      await host.byTestId(testIds.configPage.save).click();
      await host.byTestId(testIds.configPage.saved).waitFor();
      await expectAccessible(host);

      await host.page.reload();
      await host.byTestId(testIds.configPage.save).waitFor();
      expect(await folderInput(host).inputValue()).toBe('SLOs');
      expect(await minEventsInput(host).inputValue()).toBe(String(minEvents));
    });
    expect((await pluginSettings()).jsonData).toMatchObject({ defaultFolderUid: 'slos', alerting: { minEvents } });

    await withPage(browser(), newSloUrl(), { user: 'editor', theme: 'light' }, async (host) => {
      await host.byTestId(testIds.editor.container).waitFor();
      await openStep(host, 'alerting');
      expect(await fieldInput(host, 'alerting.minEvents').inputValue()).toBe(String(minEvents));
      await openStep(host, 'details');
      expect(await fieldInput(host, 'folderUid').inputValue()).toBe('SLOs');
    });
  });

  test('with the settings restored, an Admin sees them as they were (dark)', async () => {
    const restore = original;
    if (!restore) {
      throw new Error('no settings read before the tests');
    }
    await api('POST', SETTINGS, { body: restore });
    await withPage(browser(), CONFIG, { user: 'admin', theme: 'dark' }, async (host) => {
      await host.byTestId(testIds.configPage.save).waitFor();
      expect(await folderInput(host).inputValue()).not.toBe('SLOs');
      await expectAccessible(host);
      await host.screenshot('config-dark', { fullPage: true });
    });
  });

  for (const theme of ['light', 'dark'] satisfies Theme[]) {
    test(`an Editor sees the settings read-only, with why (${theme})`, async () => {
      await withPage(browser(), CONFIG, { user: 'editor', theme }, async (host) => {
        const notice = host.byTestId(testIds.configPage.readOnly);
        await notice.waitFor();
        expect(await notice.textContent()).toContain('Only organization Admins can change these settings');
        await minEventsInput(host).waitFor();
        expect(await minEventsInput(host).isDisabled()).toBe(true);
        expect(await folderInput(host).isDisabled()).toBe(true);
        expect(await host.byTestId(testIds.configPage.save).count()).toBe(0);
        await expectAccessible(host);
      });
      const answer = await callApi('POST', SETTINGS, {
        user: 'editor',
        body: { enabled: true, pinned: true, jsonData: { defaultFolderUid: 'slos' } },
      });
      expect(answer.status).toBe(403);
    });
  }
});
