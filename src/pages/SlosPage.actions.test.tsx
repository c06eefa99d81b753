import { configure, screen, within } from '@testing-library/react';
import { config } from '@grafana/runtime';
import { testIds } from '../components/testIds';
import { newSloUrl, prefixRoute, ROUTES } from '../constants';
import { installFakeGrafana, signIn, signOut, type FakeGrafana } from '../store/testing';
import { FakeDatasource, framesFor, installDatasource } from './testing/fakeDatasource';
import { renderApp, seedSlo } from './testing/renderApp';
import { stubIntersectionObserver } from './testing/jsdom';
import type * as PluginPageTesting from './testing/pluginPage';
import { header } from './testing/pluginPage';
import { hourlySlo, LIST } from './testing/slosList';

// Like Grafana's PluginPage, one that draws the page's actions (see ./testing/pluginPage).
jest.mock('@grafana/runtime', () =>
  jest.requireActual<typeof PluginPageTesting>('./testing/pluginPage').runtimeWithPluginPage()
);

configure({ asyncUtilTimeout: 10_000 });

// Test ids rather than role queries: role queries walk the whole @grafana/ui DOM and time out on a busy machine.
function expectCreateAndImport(container: HTMLElement) {
  const create = within(container).getByTestId(testIds.slosPage.createSlo);
  const importSlos = within(container).getByTestId(testIds.slosPage.importSlos);
  expect(create).toHaveTextContent('Create SLO');
  expect(create).toHaveAttribute('href', newSloUrl());
  expect(importSlos).toHaveTextContent('Import');
  expect(importSlos).toHaveAttribute('href', prefixRoute(ROUTES.Import));
}

describe('the SLO list: creating and importing', () => {
  beforeAll(() => import('./SlosPage'), 60_000);
  beforeAll(stubIntersectionObserver);

  let grafana: FakeGrafana;
  beforeEach(() => {
    grafana = installFakeGrafana();
    installDatasource(new FakeDatasource('prometheus', 'prometheus', framesFor([])));
  });
  afterEach(signOut);

  it('offers an Editor "Create SLO" and "Import" in the page header', async () => {
    signIn(grafana, 'editor');
    seedSlo(grafana, hourlySlo());
    renderApp(LIST);

    await screen.findByTestId(testIds.slosPage.createSlo);
    expectCreateAndImport(header());
    expect(screen.getByTestId(testIds.slosPage.importSlos)).toBeInTheDocument();
  });

  it('offers a Viewer neither', async () => {
    signIn(grafana, 'viewer');
    seedSlo(grafana, hourlySlo());
    renderApp(LIST);

    await screen.findByTestId(testIds.slosPage.row('checkout-availability'));
    expect(screen.queryByTestId(testIds.slosPage.createSlo)).not.toBeInTheDocument();
    expect(screen.queryByTestId(testIds.slosPage.importSlos)).not.toBeInTheDocument();
    expect(grafana.callsTo('GET', '/api/folders')).toEqual([]);
  });

  it('offers nothing to an Editor whom Grafana does not let create library panels', async () => {
    signIn(grafana, 'editor');
    config.bootData.user.permissions = { 'library.panels:create': false };
    seedSlo(grafana, hourlySlo());
    renderApp(LIST);

    await screen.findByTestId(testIds.slosPage.row('checkout-availability'));
    expect(screen.queryByTestId(testIds.slosPage.createSlo)).not.toBeInTheDocument();
  });

  it('offers an Editor "Create SLO" and "Import" when there are no SLOs yet, once', async () => {
    signIn(grafana, 'editor');
    renderApp(LIST);

    const empty = await screen.findByTestId(testIds.slosPage.empty);
    expect(empty).toHaveTextContent('No SLOs yet');
    expect(await within(empty).findByTestId(testIds.slosPage.createSlo)).toBeInTheDocument();
    expectCreateAndImport(empty);
    expect(header()).toBeEmptyDOMElement();
    expect(empty).not.toHaveTextContent('comes next');
  });

  it('tells a Viewer with no SLOs yet that an Editor can create them', async () => {
    signIn(grafana, 'viewer');
    renderApp(LIST);

    const empty = await screen.findByTestId(testIds.slosPage.empty);
    expect(empty).toHaveTextContent('No SLOs yet');
    expect(empty).toHaveTextContent('An Editor can create and import them');
    expect(empty.querySelector('a, button')).toBeNull();
  });
});
