import { readFileSync } from 'fs';
import { join } from 'path';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { BackendSrvRequest } from '@grafana/runtime';
import { testIds } from '../components/testIds';
import { prefixRoute, ROUTES, sloPageUrl } from '../constants';
import { libraryPanelToSlo } from '../spec/libraryPanel';
import { slosToOpenSlo } from '../spec/openslo';
import { latencySlo, ratioSlo } from '../spec/testing';
import type { SloSpec } from '../spec/types';
import { installFakeGrafana, signIn, USERS, type FakeGrafana } from '../store/testing';
import { FakeDatasource, installDatasource } from './testing/fakeDatasource';
import { comboboxIn, pickOption } from './testing/formPages';
import { stubComboboxLayout, stubUrlCanParse } from './testing/jsdom';
import { renderApp, seedSlo } from './testing/renderApp';

configure({ asyncUtilTimeout: 10_000 });

const PAGE = prefixRoute(ROUTES.Import);
const fixture = (folder: string, name: string) =>
  readFileSync(join(__dirname, '../../tests/fixtures', folder, name), 'utf8');

// @grafana/ui's TextLink needs URL.canParse.
stubUrlCanParse();

const inSlos = (slo: SloSpec): SloSpec => ({ ...slo, folderUid: 'slos' });
const writes = (grafana: FakeGrafana) => grafana.calls.filter((call) => call.method !== 'GET');
const storedSlo = (grafana: FakeGrafana, uid: string) => {
  const element = grafana.library.elements.get(uid);
  const read = element && libraryPanelToSlo(element);
  return read?.ok ? read.slo : undefined;
};

async function checkFile(text: string) {
  fireEvent.change(await screen.findByTestId(testIds.import.yaml), { target: { value: text } });
  const check = screen.getByTestId(testIds.import.check);
  await waitFor(() => expect(check).toBeEnabled());
  fireEvent.click(check);
}

const planRow = (uid: string) => screen.findByTestId(testIds.import.planRow(uid));

describe('the import page', () => {
  beforeAll(() => import('./ImportPage'), 60_000);
  beforeAll(stubComboboxLayout);

  let grafana: FakeGrafana;
  beforeEach(() => {
    grafana = installFakeGrafana();
    signIn(grafana, 'editor');
    installDatasource(new FakeDatasource('prometheus-main', 'prometheus', () => ({ data: [] })));
  });
  afterEach(() => jest.restoreAllMocks());

  it('shows per SLO whether the import creates it, changes it (which fields) or leaves it unchanged', async () => {
    const same = inSlos(ratioSlo());
    const changed = inSlos(latencySlo());
    seedSlo(grafana, same);
    seedSlo(grafana, changed);
    const created = { ...inSlos(ratioSlo()), uid: 'orders-availability', name: 'Orders availability' };
    const file = slosToOpenSlo([same, { ...changed, objective: { ...changed.objective, target: 99.5 } }, created]);
    renderApp(PAGE);

    await checkFile(file);

    expect(await planRow(same.uid)).toHaveTextContent('Unchanged, skipped');
    expect(screen.getByTestId(testIds.import.planRow(changed.uid))).toHaveTextContent(
      'Changeobjective.target: 99 → 99.5'
    );
    expect(screen.getByTestId(testIds.import.planRow(created.uid))).toHaveTextContent('CreateNew SLO in folder "SLOs"');
    expect(screen.getByTestId(testIds.import.format)).toHaveTextContent('Read as OpenSLO v1.');
    expect(screen.getByTestId(testIds.import.run)).toHaveTextContent('Import 2 SLOs');
    expect(writes(grafana)).toEqual([]);
  });

  it('lists every problem of a bad file with its path, and writes nothing', async () => {
    renderApp(PAGE);

    await checkFile(fixture('openslo', 'bad-file.yaml'));

    const errors = await screen.findByTestId(testIds.import.errors);
    expect(errors).toHaveTextContent('The file has 13 problems: nothing was imported');
    const items = [...errors.querySelectorAll('li')].map((item) => item.textContent);
    expect(items).toHaveLength(13);
    expect(items[1]).toBe(
      'document 1: spec.objectives[0].target: must be a fraction between 0 and 1 (exclusive), e.g. 0.999, got 1.5'
    );
    expect(items[12]).toMatch(/^document 4: apiVersion: must be openslo\/v1/);
    expect(screen.queryByTestId(testIds.import.run)).toBeNull();
    expect(writes(grafana)).toEqual([]);
    expect(grafana.callsTo('GET', '/api/library-elements')).toEqual([]);
  });

  it("imports the SLOs into the app's default folder and links to each", async () => {
    grafana.appSettings.jsonData = { defaultFolderUid: 'slos' };
    const slos = [
      { ...ratioSlo(), folderUid: '' },
      { ...latencySlo(), folderUid: '' },
    ];
    renderApp(PAGE);
    await waitFor(() => expect(comboboxIn(testIds.import.folder)).toHaveValue('SLOs'));
    await checkFile(slosToOpenSlo(slos));
    fireEvent.click(await screen.findByTestId(testIds.import.run));

    const result = await screen.findByTestId(testIds.import.result);
    expect(result).toHaveTextContent('Imported: 2 SLOs written');
    for (const slo of slos) {
      const row = within(result).getByTestId(testIds.import.resultRow(slo.uid));
      expect(row).toHaveTextContent('Created');
      expect(row.querySelector('a')).toHaveAttribute('href', sloPageUrl(slo.uid));
      expect(storedSlo(grafana, slo.uid)).toEqual({ ...slo, folderUid: 'slos' });
    }
  });

  it('imports into the folder the user picks, and checks again after the pick', async () => {
    renderApp(PAGE);
    await checkFile(slosToOpenSlo([{ ...ratioSlo(), folderUid: '' }]));
    expect(await planRow(ratioSlo().uid)).toHaveTextContent('New SLO in folder "General"');

    await pickOption(testIds.import.folder, 'SLOs');
    expect(screen.queryByTestId(testIds.import.plan)).toBeNull();
    fireEvent.click(screen.getByTestId(testIds.import.check));

    expect(await planRow(ratioSlo().uid)).toHaveTextContent('New SLO in folder "SLOs"');
  });

  it('reports a conflict for an SLO someone saved after the check, and does not overwrite it', async () => {
    const stored = inSlos(ratioSlo());
    seedSlo(grafana, stored);
    const imported = { ...stored, description: 'From the file' };
    const created = { ...inSlos(latencySlo()) };
    renderApp(PAGE);
    await checkFile(slosToOpenSlo([imported, created]));
    expect(await planRow(stored.uid)).toHaveTextContent('description');

    // Someone saves the SLO between the check and the import.
    const element = grafana.library.elements.get(stored.uid);
    grafana.library.elements.set(stored.uid, { ...element!, version: 2, updatedBy: USERS.alice });
    fireEvent.click(screen.getByTestId(testIds.import.run));

    const result = await screen.findByTestId(testIds.import.result);
    expect(result).toHaveTextContent('Import incomplete: 1 SLO written, 1 not written');
    expect(within(result).getByTestId(testIds.import.resultRow(stored.uid))).toHaveTextContent(
      'Not written: someone saved "Checkout availability" (now version 2 by alice) after the check.'
    );
    expect(within(result).getByTestId(testIds.import.resultRow(created.uid))).toHaveTextContent('Created');
    expect(storedSlo(grafana, stored.uid)?.description).toBe(stored.description);
  });

  it('says which SLOs were written and which not when Grafana goes away midway', async () => {
    const slos = ['a', 'b', 'c'].map((uid) => ({ ...inSlos(ratioSlo()), uid, name: `SLO ${uid}` }));
    renderApp(PAGE);
    await checkFile(slosToOpenSlo(slos));
    const fetch = grafana.fetch.bind(grafana);
    grafana.fetch = <T,>(options: BackendSrvRequest) => {
      if (options.method === 'POST' && grafana.library.elements.size === 1) {
        grafana.outage = 503;
      }
      return fetch<T>(options);
    };
    fireEvent.click(await screen.findByTestId(testIds.import.run));

    const result = await screen.findByTestId(testIds.import.result);
    expect(result).toHaveTextContent('Import incomplete: 1 SLO written, 2 not written');
    expect(screen.getByTestId(testIds.import.resultRow('a'))).toHaveTextContent('Created');
    expect(screen.getByTestId(testIds.import.resultRow('b'))).toHaveTextContent(
      'Not written' + 'Could not save the new SLO "SLO b": Grafana could not be reached'
    );
    expect(screen.getByTestId(testIds.import.resultRow('c'))).toHaveTextContent(
      'Not attemptedNot attempted: the import stopped before it.'
    );
    expect([...grafana.library.elements.keys()]).toEqual(['a']);
  });

  it("imports a Sloth file with the app's default datasource, showing what was imported differently", async () => {
    grafana.appSettings.jsonData = { defaultDatasource: { uid: 'prometheus-main', type: 'prometheus' } };
    renderApp(PAGE);
    await checkFile(fixture('sloth', 'checkout.yaml'));

    expect(await screen.findByTestId(testIds.import.format)).toHaveTextContent('Read as Sloth prometheus/v1.');
    expect(screen.getByTestId(testIds.import.notes)).toHaveTextContent('slos[0].alerting: Nines names and labels');
    fireEvent.click(screen.getByTestId(testIds.import.run));

    const result = await screen.findByTestId(testIds.import.result);
    expect(result).toHaveTextContent('Imported: 2 SLOs written');
    const uids = [...grafana.library.elements.keys()];
    expect(uids).toEqual(['checkout-requests-availability', 'checkout-requests-latency']);
    expect(uids.map((uid) => storedSlo(grafana, uid)?.sli.datasource)).toEqual([
      { uid: 'prometheus-main', type: 'prometheus' },
      { uid: 'prometheus-main', type: 'prometheus' },
    ]);
  });

  it('reads a chosen file, from a labelled file input, as the YAML to import', async () => {
    renderApp(PAGE);
    const input = (await screen.findByTestId(testIds.import.file)).querySelector('input[type="file"]');
    expect(screen.getByLabelText(/^Or a YAML file/)).toBe(input);
    const text = fixture('sloth', 'checkout.yaml');
    fireEvent.change(input!, { target: { files: [new File([text], 'checkout.yaml', { type: 'application/yaml' })] } });

    await waitFor(() => expect(screen.getByTestId(testIds.import.yaml)).toHaveValue(text));
  });

  it('says when the folders cannot be loaded, and offers them again on Retry', async () => {
    grafana.outage = 503;
    renderApp(PAGE);

    expect(await screen.findByTestId(testIds.import.foldersError)).toHaveTextContent(
      'Could not load the folders you may import into'
    );
    grafana.outage = undefined;
    fireEvent.click(within(screen.getByTestId(testIds.import.foldersError)).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(comboboxIn(testIds.import.folder)).toHaveValue('General'));
    expect(screen.queryByTestId(testIds.import.foldersError)).toBeNull();
  });

  it('shows a viewer why there is no import form, and still offers the export', async () => {
    signIn(grafana, 'viewer');
    renderApp(PAGE);

    expect(await screen.findByTestId(testIds.import.viewerNotice)).toHaveTextContent(
      'Importing SLOs needs edit permission'
    );
    expect(screen.queryByTestId(testIds.import.form)).toBeNull();
    expect(screen.getByTestId(testIds.import.exportAll)).toBeEnabled();
  });

  it('exports every SLO as one OpenSLO file', async () => {
    seedSlo(grafana, inSlos(ratioSlo()));
    seedSlo(grafana, inSlos(latencySlo()));
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        blobs.push(blob);
        return 'blob:nines-export';
      },
      revokeObjectURL: () => undefined,
    });
    // jsdom cannot follow the download link; the link's file name is what the browser saves as.
    const downloads: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    renderApp(PAGE);
    fireEvent.click(await screen.findByTestId(testIds.import.exportAll));

    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(downloads).toEqual(['nines-slos.yaml']);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]);
    });
    expect(text).toBe(slosToOpenSlo([inSlos(ratioSlo()), inSlos(latencySlo())]));
  });
});
