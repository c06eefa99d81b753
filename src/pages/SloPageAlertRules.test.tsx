import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { testIds } from '../components/testIds';
import { sloPageUrl } from '../constants';
import { ruleKey, sloGrafanaRules } from '../prometheus';
import { ratioSlo } from '../spec/testing';
import type { SloSpec } from '../spec/types';
import { alertRuleUrl, saveSloAlertRules } from '../store';
import { signIn, signOut, valueOf, type FakeGrafana } from '../store/testing';
import { FakeDatasource, framesFor, installDatasource } from './testing/fakeDatasource';
import { stubBrowserGaps } from './testing/jsdom';
import { renderApp, seedSlo } from './testing/renderApp';
import { calmGrafana, hourlySlo, UID } from './testing/slosList';
import { calm } from '../panels/slo/panelFixtures';

configure({ asyncUtilTimeout: 10_000 });

const GROUP = `nines-${UID}-alerts`;

/** The rules Nines writes for the SLO, as the page generates them (no Grafana URL in jsdom). */
function generated(slo: SloSpec) {
  const result = sloGrafanaRules(slo, { grafanaUrl: '' });
  if (!result.ok) {
    throw new Error('the SLO has no Grafana-managed rules');
  }
  return result.group;
}

/** The uids of the stored rules by rule key. */
function storedUids(grafana: FakeGrafana): Map<string, string> {
  const group = grafana.ruler.groups.get('slos')?.get(GROUP);
  return new Map(
    (group?.rules ?? []).map((rule) => {
      const labels = (rule.gettable.labels ?? {}) as Record<string, string>;
      return [ruleKey({ labels }), rule.uid];
    })
  );
}

async function section(): Promise<HTMLElement> {
  return screen.findByTestId(testIds.alertRules.section);
}

async function stateText(): Promise<string> {
  return (await screen.findByTestId(testIds.alertRules.state)).textContent ?? '';
}

/** Opens the drawer and waits for its preview. */
async function openDrawer(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByTestId(testIds.alertRules.open));
  await screen.findByTestId(testIds.alertRules.preview);
  return screen.getByTestId(testIds.alertRules.drawer);
}

function previewRows(drawer: HTMLElement): string[][] {
  const rows = within(drawer).getByTestId(testIds.alertRules.preview).querySelectorAll('tbody tr');
  return [...rows].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? ''));
}

describe('the SLO page: alert rules', () => {
  beforeAll(() => import('./SloPage'), 60_000);
  beforeAll(stubBrowserGaps);

  let grafana: FakeGrafana;
  beforeEach(() => {
    grafana = calmGrafana('editor');
  });
  afterEach(signOut);

  it('creates the rules after a preview, then links to each of them', async () => {
    const base = hourlySlo();
    const slo = hourlySlo({ alerting: { ...base.alerting, minEvents: 100 } });
    seedSlo(grafana, slo);
    renderApp(sloPageUrl(UID));
    await section();
    expect(await stateText()).toContain('No Grafana-managed alert rules yet');

    const drawer = await openDrawer();
    const expected = generated(slo);
    const rows = previewRows(drawer);
    expect(rows.map((row) => row[0])).toEqual(expected.rules.map((rule) => rule.grafana_alert.title));
    expect(rows.map((row) => row[4])).toEqual(expected.rules.map(() => 'New'));
    // The default tiers: a 1h/5m page at 14.4x over 30 days, with the SLO's low-traffic guard.
    expect(rows[0]).toEqual([
      expected.rules[0].grafana_alert.title,
      'page',
      'Burn rate above 14.4x over both 1h and 5m, with at least 100 events in 1h (2% of the budget in 1h)',
      '2m',
      'New',
    ]);
    fireEvent.click(within(drawer).getByTestId(testIds.alertRules.save));

    const result = await screen.findByTestId(testIds.alertRules.result);
    const count = expected.rules.length;
    expect(result).toHaveTextContent(`${count} created, 0 updated, 0 deleted in the rule group ${GROUP}`);
    const uids = storedUids(grafana);
    expect(uids.size).toBe(count);
    const links = within(screen.getByTestId(testIds.alertRules.resultLinks)).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href')).sort()).toEqual(
      [...uids.values()].map((uid) => alertRuleUrl(uid)).sort()
    );
    const [post] = grafana.callsTo('POST', '/api/ruler/grafana/api/v1/rules/slos');
    expect(post.body).toEqual(expected);

    fireEvent.click(within(screen.getByTestId(testIds.alertRules.drawer)).getByText('Close'));
    await waitFor(async () => expect(await stateText()).toContain('Up to date with this SLO, in the folder SLOs'));
    expect(within(await section()).getAllByRole('link')).toHaveLength(count + 1);
  });

  it('offers to update rules written for an earlier version, keeping their uids', async () => {
    const slo = hourlySlo();
    const before = { ...slo, objective: { ...slo.objective, target: 99.5 } };
    valueOf(await saveSloAlertRules(generated(before), 'slos', null));
    const uids = storedUids(grafana);
    seedSlo(grafana, slo);
    renderApp(sloPageUrl(UID));

    expect(await stateText()).toContain('They were written for an earlier version of the SLO');
    expect(await screen.findByTestId(testIds.alertRules.open)).toHaveTextContent('Update alert rules');
    const drawer = await openDrawer();
    expect(previewRows(drawer).map((row) => row[4])).toEqual(generated(slo).rules.map(() => 'Updated'));
    fireEvent.click(within(drawer).getByTestId(testIds.alertRules.save));

    const count = generated(slo).rules.length;
    expect(await screen.findByTestId(testIds.alertRules.result)).toHaveTextContent(
      `0 created, ${count} updated, 0 deleted`
    );
    expect(storedUids(grafana)).toEqual(uids);
  });

  it('shows a Viewer the rules without the controls to change them', async () => {
    const slo = hourlySlo();
    valueOf(await saveSloAlertRules(generated(slo), 'slos', null));
    signIn(grafana, 'viewer');
    seedSlo(grafana, slo);
    renderApp(sloPageUrl(UID));

    expect(await stateText()).toContain('Up to date');
    expect(within(await section()).getAllByRole('link').length).toBeGreaterThan(1);
    expect(screen.queryByTestId(testIds.alertRules.open)).toBeNull();
  });

  it('keeps the drawer and its preview when Grafana refuses, and explains the refusal', async () => {
    grafana.folders.get('slos')!.editRoles = [];
    seedSlo(grafana, hourlySlo({ folderUid: 'platform' }));
    grafana.folders.get('platform')!.editRoles = ['Editor'];
    renderApp(sloPageUrl(UID));

    const drawer = await openDrawer();
    grafana.folders.get('platform')!.editRoles = [];
    fireEvent.click(within(drawer).getByTestId(testIds.alertRules.save));

    const error = await screen.findByTestId(testIds.alertRules.saveError);
    expect(error).toHaveTextContent('The alert rules were not saved');
    expect(error).toHaveTextContent('You may not save the alert rules');
    expect(screen.getByTestId(testIds.alertRules.preview)).toBeInTheDocument();
    expect(grafana.ruler.groups.get('platform')?.get(GROUP)).toBeUndefined();
  });

  it('offers Retry when Grafana cannot be reached, and saves once it can', async () => {
    seedSlo(grafana, hourlySlo());
    renderApp(sloPageUrl(UID));
    const drawer = await openDrawer();
    grafana.outage = 503;
    fireEvent.click(within(drawer).getByTestId(testIds.alertRules.save));

    const error = await screen.findByTestId(testIds.alertRules.saveError);
    expect(error).toHaveTextContent('Grafana could not be reached');
    grafana.outage = undefined;
    fireEvent.click(within(error).getByText('Retry'));

    expect(await screen.findByTestId(testIds.alertRules.result)).toHaveTextContent('created');
    expect(storedUids(grafana).size).toBe(generated(hourlySlo()).rules.length);
  });

  it('says why an SLO with raw counter queries gets no Grafana-managed rules', async () => {
    const slo = hourlySlo();
    seedSlo(grafana, { ...slo, sli: { ...slo.sli, valueKind: 'counter' } });
    renderApp(sloPageUrl(UID));

    expect(await section()).toHaveTextContent('No Grafana-managed rules for this SLO');
    expect(await section()).toHaveTextContent('sli.valueKind is counter');
    expect(screen.queryByTestId(testIds.alertRules.open)).toBeNull();
  });

  it('says so when the datasource does not support Grafana alerting', async () => {
    installDatasource(new FakeDatasource('prometheus', 'prometheus', framesFor(calm()), false));
    seedSlo(grafana, hourlySlo());
    renderApp(sloPageUrl(UID));

    expect(await section()).toHaveTextContent('The datasource prometheus does not support Grafana alerting');
    expect(screen.queryByTestId(testIds.alertRules.open)).toBeNull();
  });

  describe('Prometheus rules of a query builder SLO', () => {
    const builderSlo = (): SloSpec => ({
      ...hourlySlo(),
      sli: { ...ratioSlo().sli, datasource: { uid: 'prometheus', type: 'prometheus' } },
    });

    const mimir = () =>
      installDatasource(
        new FakeDatasource('prometheus', 'prometheus', framesFor(calm()), true, { prometheusType: 'Mimir' })
      );

    it('pushes the recording and alert groups to a datasource with a ruler', async () => {
      mimir();
      grafana.ruler.datasources.add('prometheus');
      seedSlo(grafana, builderSlo());
      renderApp(sloPageUrl(UID));

      fireEvent.click(await screen.findByTestId(testIds.alertRules.push));

      expect(await screen.findByText('Rules pushed to prometheus')).toBeInTheDocument();
      const pushed = grafana.ruler.datasourceGroups.get('prometheus')?.get('nines') ?? [];
      expect(pushed.map((group) => group.name)).toEqual([
        `nines-${UID}-sli`,
        `nines-${UID}-sli-long`,
        `nines-${UID}-alerts`,
      ]);
    });

    it('offers only the download where a Mimir datasource answers that it has no ruler', async () => {
      mimir();
      seedSlo(grafana, builderSlo());
      renderApp(sloPageUrl(UID));

      expect(await screen.findByTestId(testIds.alertRules.download)).toHaveTextContent('Download rules (YAML)');
      await waitFor(() => expect(grafana.callsTo('GET', '/api/ruler/prometheus/api/v1/rules')).toHaveLength(1));
      expect(screen.queryByTestId(testIds.alertRules.push)).toBeNull();
    });

    it('does not ask a plain Prometheus for a ruler, which it cannot have', async () => {
      seedSlo(grafana, builderSlo());
      renderApp(sloPageUrl(UID));

      expect(await screen.findByTestId(testIds.alertRules.download)).toHaveTextContent('Download rules (YAML)');
      expect(screen.queryByTestId(testIds.alertRules.push)).toBeNull();
      expect(grafana.callsTo('GET', '/api/ruler/prometheus/api/v1/rules')).toHaveLength(0);
    });
  });
});
