import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { testIds } from '../components/testIds';
import { editSloUrl, sloPageUrl } from '../constants';
import { signIn, signOut, type FakeGrafana } from '../store/testing';
import { stubBrowserGaps } from './testing/jsdom';
import type * as PluginPageTesting from './testing/pluginPage';
import { header } from './testing/pluginPage';
import { renderApp, seedSlo } from './testing/renderApp';
import { calmGrafana, hourlySlo, UID } from './testing/slosList';

// Like Grafana's PluginPage, one that draws the page's actions (see ./testing/pluginPage).
jest.mock('@grafana/runtime', () =>
  jest.requireActual<typeof PluginPageTesting>('./testing/pluginPage').runtimeWithPluginPage()
);

configure({ asyncUtilTimeout: 10_000 });

/** The page's header once the SLO is loaded (Export is there for everyone). */
async function actions(): Promise<HTMLElement> {
  await screen.findByTestId(testIds.sloPage.exportOpenSlo);
  return header();
}

/** A Blob's text; jsdom's Blob has no text(). */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

describe('the SLO page: actions', () => {
  beforeAll(() => Promise.all([import('./SloPage'), import('./SlosPage')]), 60_000);
  beforeAll(stubBrowserGaps);

  let grafana: FakeGrafana;
  beforeEach(() => {
    grafana = calmGrafana('editor');
  });
  afterEach(signOut);

  it('gives a Viewer no edit controls, only the export', async () => {
    signIn(grafana, 'viewer');
    seedSlo(grafana, hourlySlo());
    renderApp(sloPageUrl(UID));

    const bar = await actions();
    expect(within(bar).getByTestId(testIds.sloPage.exportOpenSlo)).toHaveTextContent('Export OpenSLO');
    expect(within(bar).queryByTestId(testIds.sloPage.edit)).toBeNull();
    expect(within(bar).queryByTestId(testIds.sloPage.delete)).toBeNull();
    expect(within(bar).queryByTestId(testIds.sloPage.addToDashboard)).toBeNull();
  });

  it('exports the SLO as an OpenSLO file named by its uid', async () => {
    signIn(grafana, 'viewer');
    seedSlo(grafana, hourlySlo());
    const files: Blob[] = [];
    const names: string[] = [];
    // jsdom has no object URLs and does not download: record what the link would save.
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => (files.push(blob), 'blob:openslo'),
      revokeObjectURL: () => {},
    });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      names.push(this.download);
    });
    renderApp(sloPageUrl(UID));

    fireEvent.click(await screen.findByTestId(testIds.sloPage.exportOpenSlo));

    expect(names).toEqual([`${UID}.yaml`]);
    expect(await textOf(files[0])).toContain('apiVersion: openslo/v1');
    click.mockRestore();
  });

  it('gives an Editor edit, delete and "Add to dashboard" for an SLO in a folder they may edit', async () => {
    seedSlo(grafana, hourlySlo());
    renderApp(sloPageUrl(UID));

    const edit = await screen.findByTestId(testIds.sloPage.edit);
    expect(edit).toHaveAttribute('href', editSloUrl(UID));
    expect(edit).toHaveTextContent('Edit');
    expect(within(header()).getByTestId(testIds.sloPage.delete)).toHaveTextContent('Delete');
    expect(within(header()).getByTestId(testIds.sloPage.addToDashboard)).toHaveTextContent('Add to dashboard');
  });

  it('gives an Editor no edit or delete for an SLO in a folder only Admins may edit', async () => {
    seedSlo(grafana, hourlySlo({ folderUid: 'platform' }));
    renderApp(sloPageUrl(UID));

    const bar = await actions();
    // Edit controls wait for the folders' permissions: let them arrive first.
    await waitFor(() => expect(grafana.callsTo('GET', '/api/folders/platform')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // "Add to dashboard" follows the dashboard permissions, not the SLO's folder.
    expect(within(bar).getByTestId(testIds.sloPage.addToDashboard)).toBeInTheDocument();
    expect(within(bar).queryByTestId(testIds.sloPage.edit)).toBeNull();
    expect(within(bar).queryByTestId(testIds.sloPage.delete)).toBeNull();
  });

  describe('deleting', () => {
    async function confirmDelete() {
      fireEvent.click(await screen.findByTestId(testIds.sloPage.delete));
      const dialog = await screen.findByRole('dialog');
      expect(dialog).toHaveTextContent('Delete the SLO "Checkout availability"?');
      fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    }

    it('asks first, deletes, then goes to the list', async () => {
      seedSlo(grafana, hourlySlo());
      renderApp(sloPageUrl(UID));

      await confirmDelete();

      expect(await screen.findByTestId(testIds.slosPage.container)).toBeInTheDocument();
      expect(grafana.callsTo('DELETE', `/api/library-elements/${UID}`)).toHaveLength(1);
      expect(grafana.library.elements.has(UID)).toBe(false);
    });

    it('deletes nothing when the user cancels', async () => {
      seedSlo(grafana, hourlySlo());
      renderApp(sloPageUrl(UID));
      fireEvent.click(await screen.findByTestId(testIds.sloPage.delete));

      fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));

      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(grafana.callsTo('DELETE', `/api/library-elements/${UID}`)).toEqual([]);
    });

    it('explains that Grafana keeps an SLO that dashboards use, and links to them', async () => {
      seedSlo(grafana, hourlySlo());
      grafana.addDashboard('checkout-board', 'Checkout overview', [UID]);
      renderApp(sloPageUrl(UID));

      await confirmDelete();

      const problem = await screen.findByTestId(testIds.sloPage.deleteProblem);
      expect(problem).toHaveTextContent('Grafana keeps a library panel while dashboards use it');
      expect(within(problem).getByRole('link', { name: 'Checkout overview' })).toHaveAttribute(
        'href',
        '/d/checkout-board'
      );
      expect(screen.getByTestId(testIds.sloPage.container)).toBeInTheDocument();
      expect(grafana.library.elements.has(UID)).toBe(true);
    });

    it('explains a refusal for lack of permission', async () => {
      seedSlo(grafana, hourlySlo());
      renderApp(sloPageUrl(UID));
      await screen.findByTestId(testIds.sloPage.delete);
      grafana.failNext(403, 'access denied to folder');

      await confirmDelete();

      const problem = await screen.findByTestId(testIds.sloPage.deleteProblem);
      expect(problem).toHaveTextContent('You may not delete this SLO');
      expect(problem).toHaveTextContent(
        'You may not delete SLOs in folder "SLOs": ask an admin for Edit permission on it.'
      );
    });
  });
});
