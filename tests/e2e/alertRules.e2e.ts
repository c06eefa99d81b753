/**
 * Grafana-managed alert rules from the SLO page, in order: an Editor previews the rules of a
 * seeded checkout SLO and creates them; Grafana's ruler then holds exactly the generator's group;
 * someone changes the SLO, a Viewer sees the warning but may not act, the Editor updates the rules
 * (same uids); the Prometheus rule file downloads. Each test names what it needs from the one
 * before; afterAll removes the rule group and the SLO, so the other files see the host as before.
 */
import { testIds } from '../../src/components/testIds';
import { sloPageUrl } from '../../src/constants';
import {
  distinctTiers,
  sloGrafanaRules,
  tierThresholds,
  type AlertQuery,
  type GrafanaRuleGroup,
} from '../../src/prometheus';
import { libraryPanelToSlo, sloToLibraryPanel } from '../../src/spec/libraryPanel';
import { defaultAlerting, defaultObjective } from '../../src/spec/defaults';
import type { SloSpec } from '../../src/spec/types';
import { validateSlo } from '../../src/spec/validate';
import { api, callApi, changeElement, elementExists, elementPath } from './helpers/api';
import { HOUR, serviceTruth } from './helpers/groundTruth';
import {
  hostUrl,
  trafficEnd,
  useBrowser,
  withPage,
  type HostPage,
  type OpenPageOptions,
  type Theme,
} from './helpers/host';

const UID = 'e2e-alert-rules';
const FOLDER = 'slos';
const GROUP = `nines-${UID}-alerts`;
const NAME = 'Checkout requests (alert rules e2e)';
const RULER = '/api/ruler/grafana/api/v1/rules';
const GROUP_PATH = `${RULER}/${FOLDER}/${encodeURIComponent(GROUP)}`;
const PAGE = `${sloPageUrl(UID)}?to=${trafficEnd()}`;
/** How the page asks whether the SLO's datasource has a ruler to push Prometheus rules to. */
/** The ruler of the demo datasource, which the page must not ask for. */
const PROBE = 'GET /api/ruler/prometheus/api/v1/rules';

/** The ratio SLO of the demo traffic, as the editor test builds it: requests of checkout that are not 5xx. */
const SPEC: SloSpec = {
  uid: UID,
  name: NAME,
  description: 'Checkout requests that do not fail with a server error.',
  service: 'checkout',
  team: 'payments',
  labels: { tier: '1' },
  runbookUrl: 'https://runbooks.example.com/checkout',
  folderUid: FOLDER,
  sli: {
    datasource: { uid: 'prometheus', type: 'prometheus' },
    eventKind: 'good',
    valueKind: 'counter',
    source: {
      kind: 'prometheusRatio',
      metric: 'nines_demo_http_requests_total',
      matchers: [{ name: 'service', op: '=', value: 'checkout' }],
      eventMatchers: [{ name: 'code', op: '!~', value: '5..' }],
      groupBy: [],
    },
  },
  objective: defaultObjective(),
  alerting: defaultAlerting(),
};

/**
 * The preview rows of the SRE Workbook's tiers on a 30-day window (factor = budget share × 30 days
 * / long window) and the absent-metrics rule, by their test id key.
 */
const ROWS: Array<{ key: string; severity: string; firesWhen: string; pending: string }> = [
  {
    key: 'page 1h 5m',
    severity: 'page',
    firesWhen: 'Burn rate above 14.4x over both 1h and 5m (2% of the budget in 1h)',
    pending: '2m',
  },
  {
    key: 'page 6h 30m',
    severity: 'page',
    firesWhen: 'Burn rate above 6x over both 6h and 30m (5% of the budget in 6h)',
    pending: '2m',
  },
  {
    key: 'ticket 1d 2h',
    severity: 'ticket',
    firesWhen: 'Burn rate above 3x over both 1d and 2h (10% of the budget in 1d)',
    pending: '15m',
  },
  {
    key: 'ticket 3d 6h',
    severity: 'ticket',
    firesWhen: 'Burn rate above 1x over both 3d and 6h (10% of the budget in 3d)',
    pending: '15m',
  },
  { key: 'ticket', severity: 'ticket', firesWhen: "The SLI's total series are absent for 10m", pending: '10m' },
];

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function recordOf(value: unknown, what: string): Json {
  if (!isRecord(value)) {
    throw new Error(`${what}: not an object: ${JSON.stringify(value)}`);
  }
  return value;
}

interface StoredRule {
  for: unknown;
  labels: unknown;
  annotations: unknown;
  alert: Json;
}

/** The SLO's rule group as the host's ruler holds it, as admin. */
async function storedGroup(): Promise<{ interval: unknown; rules: StoredRule[] }> {
  const group = recordOf(await api('GET', GROUP_PATH), GROUP_PATH);
  const rules = Array.isArray(group.rules) ? group.rules : [];
  return {
    interval: group.interval,
    rules: rules.map((rule, index) => {
      const node = recordOf(rule, `rules[${index}]`);
      return {
        for: node.for,
        labels: node.labels,
        annotations: node.annotations,
        alert: recordOf(node.grafana_alert, `rules[${index}].grafana_alert`),
      };
    }),
  };
}

/** What the page generates for the SLO as Grafana now stores it (the page reads the same element). */
async function generatedGroup(): Promise<GrafanaRuleGroup> {
  const read = libraryPanelToSlo(await api('GET', elementPath(UID)));
  if (!read.ok) {
    throw new Error(`the stored SLO does not read back: ${JSON.stringify(read.errors)}`);
  }
  // The page passes config.appUrl, which the host sets to its origin.
  const generated = sloGrafanaRules(read.slo, { grafanaUrl: `${new URL(hostUrl()).origin}/` });
  if (!generated.ok) {
    throw new Error(`no Grafana-managed rules: ${JSON.stringify(generated.errors)}`);
  }
  return generated.group;
}

/** The stored group is the generated one, rule by rule, in its order. */
async function expectStoredAsGenerated(): Promise<string[]> {
  const [stored, generated] = await Promise.all([storedGroup(), generatedGroup()]);
  expect(stored.interval).toBe(generated.interval);
  expect(stored.rules.map((rule) => rule.alert.title)).toEqual(generated.rules.map((rule) => rule.grafana_alert.title));
  generated.rules.forEach((rule, index) => {
    const got = stored.rules[index];
    expect({
      for: got.for,
      labels: got.labels,
      annotations: got.annotations,
      title: got.alert.title,
      condition: got.alert.condition,
      data: got.alert.data,
      no_data_state: got.alert.no_data_state,
      exec_err_state: got.alert.exec_err_state,
      is_paused: got.alert.is_paused,
      namespace_uid: got.alert.namespace_uid,
      rule_group: got.alert.rule_group,
    }).toEqual({
      for: rule.for,
      labels: rule.labels,
      annotations: rule.annotations,
      title: rule.grafana_alert.title,
      condition: rule.grafana_alert.condition,
      data: rule.grafana_alert.data,
      no_data_state: rule.grafana_alert.no_data_state,
      exec_err_state: rule.grafana_alert.exec_err_state,
      is_paused: rule.grafana_alert.is_paused,
      namespace_uid: FOLDER,
      rule_group: GROUP,
    });
  });
  return stored.rules.map((rule) => String(rule.alert.uid));
}

/** Removes the rule group (a POST of no rules deletes it) and the SLO, whatever is left of them. */
async function cleanUp(): Promise<void> {
  if ((await callApi('GET', GROUP_PATH)).status < 300) {
    await api('POST', `${RULER}/${FOLDER}`, { body: { name: GROUP, interval: '1m', rules: [] } });
  }
  if (await elementExists(UID)) {
    await api('DELETE', elementPath(UID));
  }
}

/** Axe on the page without a hovered or focused button (see editor.e2e.ts: Grafana's own focus colour). */
async function expectAccessible(host: HostPage): Promise<void> {
  await host.page.mouse.move(0, 0);
  await host.page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) {
      document.activeElement.blur();
    }
  });
  await host.expectAccessible();
}

/** The section once the stored rules loaded: its state text. */
async function sectionState(host: HostPage): Promise<string> {
  const state = host.byTestId(testIds.alertRules.state);
  await state.waitFor();
  return (await state.textContent()) ?? '';
}

/** The preview's rows as text cells: rule, severity, fires when, pending for, on save. */
async function previewRows(host: HostPage): Promise<Record<string, string[]>> {
  await host.byTestId(testIds.alertRules.preview).waitFor();
  const rows: Record<string, string[]> = {};
  for (const { key } of ROWS) {
    rows[key] = await host.byTestId(testIds.alertRules.previewRow(key)).getByRole('cell').allTextContents();
  }
  expect(await host.byTestId(testIds.alertRules.preview).locator('tbody tr').count()).toBe(ROWS.length);
  return rows;
}

function expectPreview(rows: Record<string, string[]>, titles: string[], onSave: string): void {
  ROWS.forEach((row, index) => {
    expect(rows[row.key]).toEqual([titles[index], row.severity, row.firesWhen, row.pending, onSave]);
  });
}

/** The uids of the rule links in a list, from `/alerting/grafana/<uid>/view`. */
async function linkedUids(host: HostPage, listTestId: string): Promise<string[]> {
  const hrefs = await host
    .byTestId(listTestId)
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map((href) => {
    const match = /^\/alerting\/grafana\/([^/]+)\/view$/.exec(href);
    if (!match) {
      throw new Error(`not a link to a Grafana-managed rule: ${href}`);
    }
    return decodeURIComponent(match[1]);
  });
}

/** The first value of an instant query's first frame, through the host's /api/ds/query. */
async function instantValue(query: AlertQuery, to: number): Promise<number> {
  const seconds = query.relativeTimeRange?.from ?? 0;
  const body = recordOf(
    await api('POST', '/api/ds/query', {
      body: { from: String(to - seconds * 1000), to: String(to), queries: [query.model] },
    }),
    'ds query'
  );
  const result = recordOf(recordOf(body.results, 'results')[query.refId], query.refId);
  const frame = recordOf(Array.isArray(result.frames) ? result.frames[0] : undefined, `${query.refId} frame`);
  const values = recordOf(frame.data, 'frame data').values;
  const column = Array.isArray(values) && Array.isArray(values[1]) ? values[1] : [];
  return Number(column[0]);
}

const browser = useBrowser();

/**
 * An Editor's SLO page. The demo datasource is a plain Prometheus, which cannot hold rules written
 * through Grafana, so the page never asks it for a ruler; any failed request fails the test.
 */
async function withEditorPage(theme: Theme, body: (host: HostPage) => Promise<void>): Promise<void> {
  const options: OpenPageOptions = { user: 'editor', theme };
  await withPage(browser(), PAGE, options, async (host) => {
    const failed: string[] = [];
    host.page.on('response', (response) => {
      if (response.status() >= 400) {
        failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
      }
    });
    await body(host);
    await host.page.waitForLoadState('networkidle');
    expect(host.requests).not.toContain(PROBE);
    expect(failed).toEqual([]);
  });
}

describe('alert rules from the SLO page', () => {
  /** The rules' uids once created, to check that updating keeps them. */
  let created: string[] | undefined;
  const createdUids = (): string[] => {
    if (created === undefined) {
      throw new Error('no rules: the create test did not get to save them');
    }
    return created;
  };

  beforeAll(async () => {
    // A run stopped half-way may have left them.
    await cleanUp();
    const checked = validateSlo(SPEC);
    if (!checked.ok) {
      throw new Error(`the test's SLO is invalid: ${JSON.stringify(checked.errors)}`);
    }
    await api('POST', '/api/library-elements', { body: sloToLibraryPanel(checked.slo) });
  });

  afterAll(async () => {
    await cleanUp();
  });

  test("the preview shows one rule per tier and the absent rule, with the tiers' burn-rate factors; Cancel writes nothing (light)", async () => {
    // The factors the preview words are the generator's.
    expect(distinctTiers(tierThresholds(SPEC)).map((tier) => tier.factor)).toEqual([14.4, 6, 3, 1]);
    const titles = (await generatedGroup()).rules.map((rule) => rule.grafana_alert.title);
    expect(titles).toEqual([
      `${NAME}: page at 14.4x burn over 1h and 5m`,
      `${NAME}: page at 6x burn over 6h and 30m`,
      `${NAME}: ticket at 3x burn over 1d and 2h`,
      `${NAME}: ticket at 1x burn over 3d and 6h`,
      `${NAME}: SLI metrics absent`,
    ]);

    await withEditorPage('light', async (host) => {
      expect(await sectionState(host)).toContain('No Grafana-managed alert rules yet');
      expect(await host.byTestId(testIds.alertRules.links).count()).toBe(0);
      const open = host.byTestId(testIds.alertRules.open);
      expect(await open.textContent()).toBe('Create alert rules');
      await open.click();

      const drawer = host.byTestId(testIds.alertRules.drawer);
      await drawer.waitFor();
      expectPreview(await previewRows(host), titles, 'New');
      // New rules go to the SLO's folder.
      expect(await host.page.locator('#nines-alert-rules-folder').inputValue()).toBe('SLOs');
      expect(await host.byTestId(testIds.alertRules.save).textContent()).toBe('Create alert rules');
      await expectAccessible(host);
      await host.screenshot('alert-rules-preview-light');

      await drawer.getByRole('button', { name: 'Cancel', exact: true }).click();
      await drawer.waitFor({ state: 'detached' });
      expect(await sectionState(host)).toContain('No Grafana-managed alert rules yet');
      expect(host.requests.filter((request) => request.startsWith('POST /api/ruler'))).toEqual([]);
    });
    expect((await callApi('GET', GROUP_PATH)).status).toBe(404);
  });

  test('an Editor creates the rules: the result counts them and links each rule Grafana holds (dark)', async () => {
    const titles = (await generatedGroup()).rules.map((rule) => rule.grafana_alert.title);
    await withEditorPage('dark', async (host) => {
      expect(await sectionState(host)).toContain('No Grafana-managed alert rules yet');
      await host.byTestId(testIds.alertRules.open).click();
      expectPreview(await previewRows(host), titles, 'New');
      await expectAccessible(host);
      await host.screenshot('alert-rules-preview-dark');

      await host.byTestId(testIds.alertRules.save).click();
      const result = host.byTestId(testIds.alertRules.result);
      await result.waitFor();
      expect(await result.textContent()).toBe(`5 created, 0 updated, 0 deleted in the rule group ${GROUP}.`);
      expect(host.requests).toContain(`POST ${RULER}/${FOLDER}`);
      const linked = await linkedUids(host, testIds.alertRules.resultLinks);
      expect(await host.byTestId(testIds.alertRules.resultLinks).getByRole('link').allTextContents()).toEqual(titles);
      await expectAccessible(host);
      await host.screenshot('alert-rules-created-dark');

      // Every link names a rule of the group Grafana holds.
      const stored = (await storedGroup()).rules.map((rule) => String(rule.alert.uid));
      expect(linked).toEqual(stored);
      expect(new Set(linked).size).toBe(ROWS.length);
      created = linked;

      // Closed, the section reads the rules again: up to date, with their links, and nothing to do.
      const drawer = host.byTestId(testIds.alertRules.drawer);
      await drawer.getByRole('button', { name: 'Close', exact: true }).click();
      await drawer.waitFor({ state: 'detached' });
      await host.byTestId(testIds.alertRules.links).waitFor();
      expect(await sectionState(host)).toBe('Up to date with this SLO, in the folder SLOs.');
      expect(await linkedUids(host, testIds.alertRules.links)).toEqual(linked);
      expect(await host.byTestId(testIds.alertRules.open).count()).toBe(0);
      expect(
        await host
          .byTestId(testIds.alertRules.section)
          .getByRole('link', { name: 'The rule group in Grafana Alerting' })
          .getAttribute('href')
      ).toBe(`/alerting/grafana/namespaces/${FOLDER}/groups/${GROUP}/view`);
    });
  });

  test("Grafana's ruler holds exactly the generator's rule group for the SLO", async () => {
    expect(await expectStoredAsGenerated()).toEqual(createdUids());
  });

  test("the burn rules read the long windows' events from Prometheus as the demo traffic has them", async () => {
    createdUids();
    const to = trafficEnd();
    const group = await generatedGroup();
    const budget = 1 - SPEC.objective.target / 100;
    for (const [index, rule] of group.rules.slice(0, 4).entries()) {
      const data = rule.grafana_alert.data;
      const query = (refId: string) => {
        const found = data.find((candidate) => candidate.refId === refId);
        if (!found) {
          throw new Error(`${rule.grafana_alert.title}: no query ${refId}`);
        }
        return found;
      };
      const windowMs = (query('total_long').relativeTimeRange?.from ?? 0) * 1000;
      const [bad, total] = [await instantValue(query('bad_long'), to), await instantValue(query('total_long'), to)];
      const truth = serviceTruth('checkout', to - windowMs, to);
      const burn = bad / total / budget;
      const truthBurn = truth.bad / truth.total / budget;
      // increase() extrapolates to the window's edges: the ratio of two increases stays within 1%.
      if (!(Math.abs(burn - truthBurn) <= 0.01 * truthBurn)) {
        throw new Error(
          `${ROWS[index].key}: burn rate ${burn} from the rule's queries, ${truthBurn} in the demo traffic ` +
            `(${bad}/${total} against ${truth.bad}/${truth.total} over ${windowMs / HOUR}h)`
        );
      }
    }
  });

  test('after a change elsewhere, a Viewer sees the warning and the rules but no Update button, and the ruler refuses them', async () => {
    const uids = createdUids();
    // Someone lowers the target to 99.5 in Grafana.
    await changeElement(UID, (model) => {
      const options = recordOf(model.options, 'options');
      return {
        ...model,
        options: { ...options, objective: { ...recordOf(options.objective, 'objective'), target: 99.5 } },
      };
    });
    await withPage(browser(), PAGE, { user: 'viewer', theme: 'dark' }, async (host) => {
      expect(await sectionState(host)).toContain('They were written for an earlier version of the SLO');
      expect(await host.byTestId(testIds.alertRules.section).textContent()).toContain(
        'The alert rules do not follow this version of the SLO'
      );
      expect(await linkedUids(host, testIds.alertRules.links)).toEqual(uids);
      await host.byTestId(testIds.alertRules.download).waitFor();
      await host.page.waitForLoadState('networkidle');
      expect(await host.byTestId(testIds.alertRules.open).count()).toBe(0);
      expect(await host.byTestId(testIds.alertRules.push).count()).toBe(0);
      await expectAccessible(host);
    });
    const answer = await callApi('POST', `${RULER}/${FOLDER}`, {
      user: 'viewer',
      body: { name: GROUP, interval: '1m', rules: [] },
    });
    expect(answer.status).toBe(403);
    expect((await storedGroup()).rules.map((rule) => String(rule.alert.uid))).toEqual(uids);
  });

  test('an Editor updates the rules of the changed SLO: the same rules, now as the generator has them', async () => {
    const uids = createdUids();
    const titles = (await generatedGroup()).rules.map((rule) => rule.grafana_alert.title);
    await withEditorPage('light', async (host) => {
      expect(await sectionState(host)).toContain('They were written for an earlier version of the SLO');
      const open = host.byTestId(testIds.alertRules.open);
      expect(await open.textContent()).toBe('Update alert rules');
      await open.click();
      expectPreview(await previewRows(host), titles, 'Updated');
      expect(await host.byTestId(testIds.alertRules.save).textContent()).toBe('Update alert rules');
      await expectAccessible(host);

      await host.byTestId(testIds.alertRules.save).click();
      const result = host.byTestId(testIds.alertRules.result);
      await result.waitFor();
      expect(await result.textContent()).toBe(`0 created, 5 updated, 0 deleted in the rule group ${GROUP}.`);
      expect(await linkedUids(host, testIds.alertRules.resultLinks)).toEqual(uids);

      const drawer = host.byTestId(testIds.alertRules.drawer);
      await drawer.getByRole('button', { name: 'Close', exact: true }).click();
      await drawer.waitFor({ state: 'detached' });
      await host.byTestId(testIds.alertRules.links).waitFor();
      expect(await sectionState(host)).toBe('Up to date with this SLO, in the folder SLOs.');
    });
    expect(await expectStoredAsGenerated()).toEqual(uids);
    // The burn expressions now divide by the budget of 99.5%.
    const stored = await storedGroup();
    expect(JSON.stringify(stored.rules[0].alert.data)).toContain('$bad_long / $total_long / 0.005');
  });

  test("the demo Prometheus has no ruler: the page offers the rule file to download, with the SLO's groups", async () => {
    await withEditorPage('dark', async (host) => {
      const download = host.byTestId(testIds.alertRules.download);
      await download.waitFor();
      await host.page.waitForLoadState('networkidle');
      expect(await host.byTestId(testIds.alertRules.push).count()).toBe(0);
      expect(await host.byTestId(testIds.alertRules.namespace).count()).toBe(0);

      const [file] = await Promise.all([host.page.waitForEvent('download'), download.click()]);
      const stream = await file.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) {
        chunks.push(Buffer.from(chunk));
      }
      const yaml = Buffer.concat(chunks).toString('utf8');
      expect(file.suggestedFilename()).toMatch(/\.ya?ml$/);
      expect(yaml).toContain('groups:');
      expect(yaml).toContain(UID);
      expect(yaml).toContain('nines_demo_http_requests_total');
    });
  });
});
