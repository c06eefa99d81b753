import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { testIds } from '../components/testIds';
import { sloPageUrl } from '../constants';
import { signOut, type FakeGrafana } from '../store/testing';
import { stubBrowserGaps } from './testing/jsdom';
import type * as PluginPageTesting from './testing/pluginPage';
import { renderApp, seedSlo } from './testing/renderApp';
import { calmGrafana, hourlySlo, UID } from './testing/slosList';

// Like Grafana's PluginPage, one that draws the page's actions (see ./testing/pluginPage).
jest.mock('@grafana/runtime', () =>
  jest.requireActual<typeof PluginPageTesting>('./testing/pluginPage').runtimeWithPluginPage()
);

configure({ asyncUtilTimeout: 10_000 });

async function openAddToDashboard(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByTestId(testIds.sloPage.addToDashboard));
  return screen.findByTestId(testIds.addToDashboard.modal);
}

function savedDashboards(grafana: FakeGrafana) {
  return grafana.callsTo('POST', '/api/dashboards/db').map((call) => call.body);
}

describe("the SLO page: adding the SLO's panel to a dashboard", () => {
  beforeAll(() => import('./SloPage'), 60_000);
  beforeAll(stubBrowserGaps);

  let grafana: FakeGrafana;
  beforeEach(() => {
    grafana = calmGrafana('editor');
  });
  afterEach(signOut);

  it("saves a new dashboard in the SLO's folder with the library panel, and links to it", async () => {
    seedSlo(grafana, hourlySlo());
    renderApp(sloPageUrl(UID));
    const modal = await openAddToDashboard();

    const title = within(modal).getByTestId(testIds.addToDashboard.title);
    expect(title).toHaveValue('Checkout availability');
    fireEvent.change(title, { target: { value: 'Checkout SLOs' } });
    await waitFor(() => expect(within(modal).getByTestId(testIds.addToDashboard.submit)).toBeEnabled());
    fireEvent.click(within(modal).getByTestId(testIds.addToDashboard.submit));

    const added = await screen.findByTestId(testIds.addToDashboard.added);
    const [body] = savedDashboards(grafana);
    expect(body).toEqual({
      dashboard: expect.objectContaining({
        title: 'Checkout SLOs',
        time: { from: 'now-30d', to: 'now' },
        panels: [expect.objectContaining({ libraryPanel: { uid: UID, name: 'Checkout availability' } })],
      }),
      folderUid: 'slos',
      overwrite: false,
      message: 'Nines: add the SLO "Checkout availability"',
    });
    const saved = grafana.dashboards.find((dashboard) => dashboard.title === 'Checkout SLOs');
    expect(within(added).getByRole('link', { name: 'Open "Checkout SLOs"' })).toHaveAttribute(
      'href',
      `/d/${saved?.uid}/checkout-slos`
    );
  });

  it('appends the panel to a dashboard found by title', async () => {
    seedSlo(grafana, hourlySlo());
    grafana.addDashboard('service', 'Service overview', [], {
      folderUid: 'slos',
      model: { title: 'Service overview', panels: [{ id: 3, type: 'stat', gridPos: { x: 0, y: 0, w: 24, h: 4 } }] },
    });
    grafana.addDashboard('payments', 'Payments', [], { folderUid: 'slos' });
    renderApp(sloPageUrl(UID));
    const modal = await openAddToDashboard();

    fireEvent.click(within(modal).getByLabelText('Existing dashboard'));
    fireEvent.change(await within(modal).findByTestId(testIds.addToDashboard.search), {
      target: { value: 'serv' },
    });
    await waitFor(() => {
      const results = within(modal).getByTestId(testIds.addToDashboard.results);
      expect(results).toHaveTextContent('Service overview');
      expect(results).not.toHaveTextContent('Payments');
    });
    fireEvent.click(within(modal).getByLabelText(/^Service overview/));
    fireEvent.click(within(modal).getByTestId(testIds.addToDashboard.submit));

    const added = await screen.findByTestId(testIds.addToDashboard.added);
    expect(savedDashboards(grafana)).toEqual([
      {
        dashboard: expect.objectContaining({
          uid: 'service',
          version: 1,
          panels: [
            { id: 3, type: 'stat', gridPos: { x: 0, y: 0, w: 24, h: 4 } },
            {
              id: 4,
              type: 'nines-slo-panel',
              title: 'Checkout availability',
              gridPos: { x: 0, y: 4, w: 12, h: 8 },
              libraryPanel: { uid: UID, name: 'Checkout availability' },
            },
          ],
        }),
        folderUid: 'slos',
        overwrite: false,
        message: 'Nines: add the SLO "Checkout availability"',
      },
    ]);
    expect(grafana.callsTo('GET', '/api/search').at(-1)?.query.get('query')).toBe('serv');
    expect(within(added).getByRole('link', { name: 'Open "Service overview"' })).toHaveAttribute(
      'href',
      '/d/service/service-overview'
    );
  });

  it('explains that a provisioned dashboard cannot be saved', async () => {
    seedSlo(grafana, hourlySlo());
    grafana.addDashboard('demo', 'Demo', [], { folderUid: 'slos', provisioned: true });
    renderApp(sloPageUrl(UID));
    const modal = await openAddToDashboard();

    fireEvent.click(within(modal).getByLabelText('Existing dashboard'));
    fireEvent.click(await within(modal).findByLabelText(/^Demo/));
    fireEvent.click(within(modal).getByTestId(testIds.addToDashboard.submit));

    expect(await screen.findByTestId(testIds.addToDashboard.problem)).toHaveTextContent(
      '"Demo" is provisioned from a file, and Grafana does not save changes to it.'
    );
    expect(grafana.dashboards[0].libraryPanelUids).toEqual([]);
  });

  it('reports that someone saved the dashboard meanwhile, and adds the panel to their version on "Try again"', async () => {
    seedSlo(grafana, hourlySlo());
    const board = grafana.addDashboard('service', 'Service overview', [], { folderUid: 'slos' });
    const answer = grafana.fetch.bind(grafana);
    // Someone saves once, between Nines' read and its first save.
    let raced = false;
    jest.spyOn(grafana, 'fetch').mockImplementation((options) => {
      if (options.method === 'POST' && !raced) {
        raced = true;
        board.version = 2;
      }
      return answer(options);
    });
    renderApp(sloPageUrl(UID));
    const modal = await openAddToDashboard();
    fireEvent.click(within(modal).getByLabelText('Existing dashboard'));
    fireEvent.click(await within(modal).findByLabelText(/^Service overview/));
    fireEvent.click(within(modal).getByTestId(testIds.addToDashboard.submit));

    expect(await screen.findByTestId(testIds.addToDashboard.problem)).toHaveTextContent(
      'Someone saved "Service overview" while Nines was adding the SLO: nothing was overwritten.'
    );
    const retry = within(modal).getByTestId(testIds.addToDashboard.submit);
    expect(retry).toHaveTextContent('Try again');
    fireEvent.click(retry);

    await screen.findByTestId(testIds.addToDashboard.added);
    const sentVersion = (version: number) =>
      expect.objectContaining({ dashboard: expect.objectContaining({ version }) });
    expect(savedDashboards(grafana)).toEqual([sentVersion(1), sentVersion(2)]);
    expect(board).toMatchObject({ version: 3, libraryPanelUids: [UID] });
  });

  it('shows a missing title at the field, sending nothing', async () => {
    seedSlo(grafana, hourlySlo());
    renderApp(sloPageUrl(UID));
    const modal = await openAddToDashboard();

    fireEvent.change(within(modal).getByTestId(testIds.addToDashboard.title), { target: { value: ' ' } });
    await waitFor(() => expect(within(modal).getByTestId(testIds.addToDashboard.submit)).toBeEnabled());
    fireEvent.click(within(modal).getByTestId(testIds.addToDashboard.submit));

    expect(await within(modal).findByText('Title is required')).toBeInTheDocument();
    expect(savedDashboards(grafana)).toEqual([]);
  });
});
