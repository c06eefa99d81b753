import { configure, screen, within } from '@testing-library/react';
import { OrgRole } from '@grafana/data';
import { config, type PluginPageProps } from '@grafana/runtime';
import type * as Runtime from '@grafana/runtime';
import type * as ReactModule from 'react';
import { testIds } from '../components/testIds';
import { newSloUrl, prefixRoute, ROUTES } from '../constants';
import { installFakeGrafana, type FakeGrafana } from '../store/testing';
import { FakeDatasource, framesFor, installDatasource } from './testing/fakeDatasource';
import { renderApp, seedSlo } from './testing/renderApp';
import { hourlySlo, installIntersectionObserver, LIST } from './testing/slosList';

// Grafana puts its own PluginPage in place at start-up (runtime's stand-in draws the children only);
// like Grafana's, this one draws the page's actions beside its content.
jest.mock('@grafana/runtime', () => {
  const { createElement } = jest.requireActual<typeof ReactModule>('react');
  const runtime = jest.requireActual<typeof Runtime>('@grafana/runtime');
  const PluginPage = ({ actions, children }: PluginPageProps) =>
    createElement('div', null, createElement('header', null, actions), children);
  return { ...runtime, PluginPage };
});

configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

const signedIn = { ...config.bootData.user };

function signIn(grafana: FakeGrafana, role: 'editor' | 'viewer') {
  grafana.signIn(role);
  config.bootData.user = { ...signedIn, orgRole: role === 'editor' ? OrgRole.Editor : OrgRole.Viewer };
}

function header(): HTMLElement {
  const element = document.querySelector('header');
  if (!element) {
    throw new Error('the page has no header');
  }
  return element;
}

function expectCreateAndImport(container: HTMLElement) {
  expect(within(container).getByRole('link', { name: 'Create SLO' })).toHaveAttribute('href', newSloUrl());
  expect(within(container).getByRole('link', { name: 'Import' })).toHaveAttribute('href', prefixRoute(ROUTES.Import));
}

describe('the SLO list: creating and importing', () => {
  beforeAll(() => import('./SlosPage'), 60_000);
  beforeAll(installIntersectionObserver);

  let grafana: FakeGrafana;
  beforeEach(() => {
    grafana = installFakeGrafana();
    installDatasource(new FakeDatasource('prometheus', 'prometheus', framesFor([])));
  });
  afterEach(() => {
    config.bootData.user = { ...signedIn };
  });

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
    expect(await within(empty).findByRole('link', { name: 'Create SLO' })).toBeInTheDocument();
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
    expect(within(empty).queryByRole('link')).not.toBeInTheDocument();
    expect(within(empty).queryByRole('button')).not.toBeInTheDocument();
  });
});
