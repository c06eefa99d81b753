import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { testIds } from '../components/testIds';
import { prefixRoute, ROUTES } from '../constants';
import { defaultAlerting } from '../spec/defaults';
import { installFakeGrafana, signIn, type FakeGrafana } from '../store/testing';
import { FakeDatasource, installDatasource } from './testing/fakeDatasource';
import { comboboxIn, pickOption } from './testing/formPages';
import { stubComboboxLayout } from './testing/jsdom';
import { renderApp } from './testing/renderApp';

configure({ asyncUtilTimeout: 10_000 });

const PAGE = prefixRoute(ROUTES.Config);
const SETTINGS = '/api/plugins/nines-slo-app/settings';
// A plain selector: role queries walk the accessibility tree, which is slow in jsdom.
const tierCount = () => document.querySelectorAll('fieldset[aria-label^="Alert tier"]').length;
const minEvents = () => screen.getByTestId(testIds.configPage.minEvents);

describe('the configuration page', () => {
  beforeAll(() => import('./ConfigPage'), 60_000);
  beforeAll(stubComboboxLayout);

  let grafana: FakeGrafana;
  beforeEach(() => {
    grafana = installFakeGrafana();
    signIn(grafana, 'admin');
    installDatasource(new FakeDatasource('prometheus-main', 'prometheus', () => ({ data: [] })));
  });
  afterEach(() => jest.restoreAllMocks());

  it('shows the saved settings and saves the changes with the rest of jsonData kept', async () => {
    grafana.appSettings.jsonData = { defaultFolderUid: 'slos', fromANewerNines: { keep: true } };
    renderApp(PAGE);

    await waitFor(() => expect(comboboxIn(testIds.configPage.folder)).toHaveValue('SLOs'));
    expect(minEvents()).toHaveValue(0);
    expect(tierCount()).toBe(4);
    await pickOption(testIds.configPage.datasource, /^prometheus-main/);
    fireEvent.change(minEvents(), { target: { value: '50' } });
    fireEvent.click(screen.getByLabelText('Alert tier 4 enabled'));
    fireEvent.click(screen.getByTestId(testIds.configPage.save));

    expect(await screen.findByTestId(testIds.configPage.saved)).toHaveTextContent('Saved.');
    const tiers = defaultAlerting().tiers.map((tier, index) => (index === 3 ? { ...tier, enabled: false } : tier));
    expect(grafana.callsTo('POST', SETTINGS).map((call) => call.body)).toEqual([
      {
        enabled: true,
        pinned: true,
        jsonData: {
          fromANewerNines: { keep: true },
          defaultFolderUid: 'slos',
          defaultDatasource: { uid: 'prometheus-main', type: 'prometheus' },
          alerting: { tiers, minEvents: 50 },
        },
      },
    ]);
  });

  it("shows each alert tier's own severity", async () => {
    renderApp(PAGE);
    await screen.findByLabelText('Alert tier 4 enabled');

    const checked = [...document.querySelectorAll('fieldset[aria-label^="Alert tier"]')].map((tier) =>
      [...tier.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked')].map(
        (radio) => radio.labels?.[0]?.textContent
      )
    );
    expect(checked).toEqual(defaultAlerting().tiers.map((tier) => [tier.severity === 'page' ? 'Page' : 'Ticket']));
  });

  it('names the tier problems and saves nothing while there are any', async () => {
    renderApp(PAGE);
    fireEvent.change(await screen.findByLabelText('Alert tier 1 short window'), { target: { value: '2h' } });

    expect(screen.getByTestId(testIds.configPage.errors)).toHaveTextContent(
      'Alert tier 1: shortWindow: must be shorter than the long window 1h, got 2h'
    );
    expect(screen.getByTestId(testIds.configPage.save)).toBeDisabled();
    expect(grafana.callsTo('POST', SETTINGS)).toEqual([]);
  });

  it('shows the settings read-only to a non-admin, and why', async () => {
    signIn(grafana, 'editor');
    grafana.appSettings.jsonData = { alerting: { minEvents: 20, tiers: defaultAlerting().tiers } };
    renderApp(PAGE);

    expect(await screen.findByTestId(testIds.configPage.readOnly)).toHaveTextContent(
      'Only organization Admins can change these settings'
    );
    await waitFor(() => expect(minEvents()).toHaveValue(20));
    expect(minEvents()).toBeDisabled();
    expect(comboboxIn(testIds.configPage.folder)).toBeDisabled();
    expect(screen.getByLabelText('Alert tier 1 long window')).toBeDisabled();
    expect(screen.queryByTestId(testIds.configPage.save)).toBeNull();
    // No tier buttons that do nothing: add, reset, remove.
    expect(screen.queryByTestId(testIds.alertTiersEditor.add)).toBeNull();
    expect(screen.queryByTestId(testIds.alertTiersEditor.reset)).toBeNull();
    expect(document.querySelectorAll('fieldset[aria-label^="Alert tier"] button')).toHaveLength(0);
  });

  it("explains Grafana's refusal when the user is no longer an admin", async () => {
    signIn(grafana, 'editor', 'Admin');
    renderApp(PAGE);
    fireEvent.change(await screen.findByTestId(testIds.configPage.minEvents), { target: { value: '5' } });
    fireEvent.click(screen.getByTestId(testIds.configPage.save));

    expect(await screen.findByTestId(testIds.configPage.saveError)).toHaveTextContent(
      'Only organization Admins may change the app\'s settings, and Grafana refused: "You\'ll need additional permissions to perform this action. Permissions needed: plugins:write".'
    );
    expect(grafana.appSettings.jsonData).toBeNull();
  });

  it('opens with the defaults for settings it cannot read', async () => {
    grafana.appSettings.jsonData = { defaultFolderUid: 42, defaultDatasource: 'prom', alerting: { tiers: 'page' } };
    renderApp(PAGE);

    await waitFor(() => expect(comboboxIn(testIds.configPage.folder)).toHaveValue('General'));
    expect(tierCount()).toBe(4);
    expect(minEvents()).toHaveValue(0);
    expect(screen.queryByTestId(testIds.configPage.loadError)).toBeNull();
  });

  it('says when the settings cannot be loaded, and loads them again on Retry', async () => {
    grafana.outage = 503;
    renderApp(PAGE);

    expect(await screen.findByTestId(testIds.configPage.loadError)).toHaveTextContent(
      "Could not load the app's settings: Grafana could not be reached"
    );
    grafana.outage = undefined;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId(testIds.configPage.minEvents)).toBeEnabled();
  });
});
