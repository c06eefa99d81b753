import { screen, within } from '@testing-library/react';
import { testIds } from '../components/testIds';
import { sloPageUrl } from '../constants';
import { AT, calm } from '../panels/slo/panelFixtures';
import { sloToLibraryPanel } from '../spec/libraryPanel';
import { ratioSlo } from '../spec/testing';
import type { SloSpec } from '../spec/types';
import { installFakeGrafana, type FakeGrafana } from '../store/testing';
import { FakeDatasource, framesFor, installDatasource } from './testing/fakeDatasource';
import { stubUrlCanParse } from './testing/jsdom';
import { renderApp, seedSlo } from './testing/renderApp';

// @grafana/ui's TextLink needs URL.canParse for external links.
stubUrlCanParse();

/** An SLO whose queries give hourly increments, as the panel fixtures have them. */
function hourlySlo(patch: Partial<SloSpec> = {}): SloSpec {
  const base = ratioSlo();
  return {
    ...base,
    folderUid: 'slos',
    labels: { tier: '1', env: 'prod' },
    sli: {
      datasource: { uid: 'prometheus', type: 'prometheus' },
      eventKind: 'good',
      valueKind: 'increment',
      source: { kind: 'raw', eventQuery: { expr: 'good_total' }, totalQuery: { expr: 'all_total' } },
    },
    objective: { ...base.objective, target: 99.9, window: '30d', timeZone: 'UTC' },
    ...patch,
  };
}

/** The page evaluated at the end of the fixtures' hourly data. */
const pageAt = (uid: string) => `${sloPageUrl(uid)}?to=${AT}`;

describe('the SLO page', () => {
  beforeAll(() => import('./SloPage'), 60_000);

  let grafana: FakeGrafana;
  let datasource: FakeDatasource;
  beforeEach(() => {
    grafana = installFakeGrafana();
    datasource = new FakeDatasource('prometheus', 'prometheus', framesFor(calm()));
    installDatasource(datasource);
  });

  it("shows the SLO's details: description, service, team, folder, labels and runbook", async () => {
    seedSlo(grafana, hourlySlo());
    renderApp(pageAt('checkout-availability'));

    const header = await screen.findByTestId(testIds.sloPage.header);
    expect(within(header).getByTestId(testIds.sloPage.description)).toHaveTextContent(
      'Checkout requests that do not fail with a server error.'
    );
    expect(within(header).getByTestId(testIds.sloPage.service)).toHaveTextContent('checkout');
    expect(within(header).getByTestId(testIds.sloPage.team)).toHaveTextContent('payments');
    expect(within(header).getByTestId(testIds.sloPage.folder)).toHaveTextContent('SLOs');
    expect(within(header).getByTestId(testIds.sloPage.labels)).toHaveTextContent('tier=1');
    const runbook = within(header).getByRole('link', { name: /runbooks\.example\.com/ });
    expect(runbook).toHaveAttribute('href', 'https://runbooks.example.com/checkout');
    expect(runbook).toHaveAttribute('target', '_blank');
  });

  it("runs the library panel's queries over the SLO window and shows the panel's numbers", async () => {
    seedSlo(grafana, hourlySlo());
    renderApp(pageAt('checkout-availability'));

    expect(await screen.findByTestId(testIds.summary.sli)).toHaveTextContent('99.95%');
    expect(screen.getByTestId(testIds.summary.budget)).toHaveTextContent('50.0% budget left');
    expect(screen.getByTestId(testIds.sloPage.events)).toHaveTextContent(
      'Good events719,640Bad events360Total events720,000'
    );
    expect(screen.getByTestId(testIds.budget.container)).toBeInTheDocument();
    expect(screen.getByTestId(testIds.trend.container)).toBeInTheDocument();
    expect(screen.getByTestId(testIds.alerts.container)).toBeInTheDocument();

    const [request] = datasource.requests;
    const { model } = sloToLibraryPanel(hourlySlo());
    expect(request.targets).toEqual(model.targets);
    expect(request.range.to.valueOf()).toBe(AT);
    expect(request.range.from.valueOf()).toBe(AT - 30 * 86_400_000);
    expect(request.maxDataPoints).toBe(model.maxDataPoints);
    expect(request.app).toBe('nines');
  });

  it("shows the datasource's error as the panel does", async () => {
    datasource = new FakeDatasource('prometheus', 'prometheus', () => ({
      data: [],
      errors: [{ refId: 'good', message: 'parse error at char 5' }],
    }));
    installDatasource(datasource);
    seedSlo(grafana, hourlySlo());
    renderApp(pageAt('checkout-availability'));

    const state = await screen.findByTestId(testIds.sloPanel.state);
    expect(state).toHaveTextContent('The query failed');
    expect(state).toHaveTextContent('Query good: parse error at char 5');
  });

  it('shows the SLO as OpenSLO YAML, as text', async () => {
    seedSlo(grafana, hourlySlo({ description: '<img src=x onerror=alert(1)>' }));
    renderApp(pageAt('checkout-availability'));

    const yaml = await screen.findByTestId(testIds.sloPage.openSlo);
    expect(yaml).toHaveTextContent('apiVersion: openslo/v1');
    expect(yaml.querySelector('img')).toBeNull();
    expect(screen.getByTestId(testIds.sloPage.description).querySelector('img')).toBeNull();
  });

  it('never makes a javascript: runbook URL a link', async () => {
    const { uid, name, folderUid, model } = sloToLibraryPanel(hourlySlo());
    const nines = { ...model.nines, spec: { ...model.nines.spec, runbookUrl: 'javascript:alert(1)' } };
    grafana.seedElement({ uid, name, folderUid, model: { ...model, nines } });
    renderApp(pageAt(uid));

    expect(await screen.findByTestId(testIds.sloPage.error)).toHaveTextContent('runbookUrl');
    const links = screen.queryAllByRole('link').map((link) => link.getAttribute('href') ?? '');
    expect(links.filter((href) => href.startsWith('javascript:'))).toEqual([]);
  });

  it("says that the SLO does not exist, in the store's words", async () => {
    renderApp(pageAt('no-such-slo'));

    const error = await screen.findByTestId(testIds.sloPage.error);
    expect(error).toHaveTextContent('SLO not found');
    expect(error).not.toHaveTextContent('Retry');
    expect(datasource.requests).toEqual([]);
  });
});
