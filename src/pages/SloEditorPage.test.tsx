import React from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import App from '../components/App/App';
import { testIds } from '../components/testIds';
import { editSloUrl, newSloUrl, PLUGIN_BASE_URL, sloPageUrl } from '../constants';
import { sloToLibraryPanel } from '../spec/libraryPanel';
import { appSettingsToJsonData, defaultAppSettings } from '../spec/settings';
import { ratioSlo } from '../spec/testing';
import type { SloSpec } from '../spec/types';
import { getSlo, updateSlo } from '../store';
import { installFakeGrafana, signIn, signOut, type FakeGrafana } from '../store/testing';
import { FakeDatasource, framesFor, installDatasource } from './testing/fakeDatasource';
import { stubBrowserGaps } from './testing/jsdom';

stubBrowserGaps();

// Two suites side by side on two cores: @grafana/ui's first renders can take seconds.
configure({ asyncUtilTimeout: 10_000 });

/** A stored SLO in the SLOs folder (Editors may edit it), whose SLI reads the test's datasource. */
function storedSlo(patch: Partial<SloSpec> = {}): SloSpec {
  const slo = ratioSlo();
  return {
    ...slo,
    folderUid: 'slos',
    sli: { ...slo.sli, datasource: { uid: 'prometheus', type: 'prometheus' } },
    ...patch,
  };
}

function seed(grafana: FakeGrafana, slo: SloSpec, view: 'summary' | 'trend' = 'summary') {
  const { uid, name, folderUid, model } = sloToLibraryPanel(slo, { view });
  grafana.seedElement({ uid, name, folderUid, model: { ...model } });
}

const field = (path: string) => screen.getByTestId(testIds.editor.field(path));
const input = (path: string) => {
  const found = field(path).querySelector('input, textarea');
  if (!(found instanceof HTMLInputElement || found instanceof HTMLTextAreaElement)) {
    throw new Error(`no input at ${path}`);
  }
  return found;
};
const type = (path: string, value: string) => fireEvent.change(input(path), { target: { value } });
const openStep = (step: string) => fireEvent.click(screen.getByTestId(testIds.editor.step(step)));

/** A Prometheus ratio SLI through the SLI step: datasource, metric, and one condition. */
async function fillSli() {
  const picker = within(screen.getByTestId(testIds.sliStep.datasource)).getByRole('combobox');
  fireEvent.keyDown(picker, { key: 'ArrowDown' });
  fireEvent.click(await screen.findByText('prometheus'));
  fireEvent.change(await screen.findByTestId(testIds.sliStep.metric), { target: { value: 'http_requests_total' } });
  fireEvent.click(screen.getByTestId(testIds.sliStep.addMatcher('eventMatchers')));
  fireEvent.change(screen.getByLabelText('Condition 1 label'), { target: { value: 'code' } });
  fireEvent.change(screen.getByLabelText('Condition 1 value'), { target: { value: '200' } });
}

/** Renders the app at `path` as Grafana mounts it; `location.pathname` follows the app's navigation. */
function renderAt(path: string, history: string[] = []) {
  const location = { pathname: path };
  function Probe() {
    location.pathname = useLocation().pathname;
    return null;
  }
  render(
    <MemoryRouter initialEntries={[...history, path]} initialIndex={history.length}>
      <Probe />
      <Routes>
        <Route path={`${PLUGIN_BASE_URL}/*`} element={<App />} />
      </Routes>
    </MemoryRouter>
  );
  return location;
}

async function openEditor(path: string, history: string[] = []) {
  const location = renderAt(path, history);
  await screen.findByTestId(testIds.editor.container);
  return location;
}

describe('the SLO editor', () => {
  beforeAll(() => import('./SloEditorPage'), 60_000);

  let grafana: FakeGrafana;
  beforeEach(() => {
    grafana = installFakeGrafana();
    signIn(grafana, 'editor');
    installDatasource(new FakeDatasource('prometheus', 'prometheus', framesFor([])));
  });
  afterEach(signOut);

  it('edits a stored SLO and saves it over the version it opened, keeping the view dashboards show', async () => {
    seed(grafana, storedSlo(), 'trend');
    const location = await openEditor(editSloUrl('checkout-availability'));

    openStep('objective');
    expect(input('objective.target')).toHaveValue('99.9');
    type('objective.target', '99.5');
    openStep('review');
    expect(screen.getByTestId(testIds.editor.review)).toHaveTextContent('99.5% over 30 days');
    fireEvent.click(screen.getByTestId(testIds.editor.save));

    await waitFor(() => expect(location.pathname).toBe(sloPageUrl('checkout-availability')));
    const [patch] = grafana.callsTo('PATCH', '/api/library-elements/checkout-availability');
    expect(patch.body).toMatchObject({ version: 1, model: { options: { view: 'trend' } } });
    const saved = await getSlo('checkout-availability');
    expect(saved.ok && saved.value.slo).toEqual(storedSlo({ objective: { ...storedSlo().objective, target: 99.5 } }));
  });

  it('creates an SLO through the steps, with a uid from its name, and opens its page', async () => {
    const location = await openEditor(newSloUrl());

    fireEvent.click(screen.getByTestId(testIds.editor.next));
    expect(screen.getByTestId(testIds.editor.step('sli'))).toHaveTextContent(/1\. SLI\s*\d/);
    await fillSli();
    fireEvent.click(screen.getByTestId(testIds.editor.next));
    expect(input('objective.target')).toHaveValue('99.9');
    fireEvent.click(screen.getByTestId(testIds.editor.next));
    expect(screen.getByTestId(testIds.alertTiersEditor.container)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId(testIds.editor.next));
    fireEvent.click(screen.getByTestId(testIds.editor.next));
    expect(field('name')).toHaveTextContent('Name is required');
    expect(field('service')).toHaveTextContent('Service is required');
    type('name', 'Checkout availability');
    type('service', 'checkout');
    fireEvent.click(screen.getByTestId(testIds.editor.next));
    expect(screen.getByTestId(testIds.editor.review)).toHaveTextContent('Ratio of good requests (Prometheus)');
    fireEvent.click(screen.getByTestId(testIds.editor.save));

    await waitFor(() => expect(location.pathname).toMatch(/\/slos\/checkout-availability-[a-z0-9]{6}$/));
    const [post] = grafana.callsTo('POST', '/api/library-elements');
    expect(post.body).toMatchObject({ uid: location.pathname.split('/').pop(), folderUid: '' });
  });

  it("starts a new SLO from the app's settings: folder, datasource and alerting", async () => {
    const settings = { ...defaultAppSettings(), defaultFolderUid: 'slos' };
    settings.defaultDatasource = { uid: 'prometheus', type: 'prometheus' };
    settings.alerting = { tiers: settings.alerting.tiers.slice(0, 2), minEvents: 100 };
    grafana.appSettings.jsonData = appSettingsToJsonData(settings, null);
    await openEditor(newSloUrl());

    openStep('alerting');
    expect(input('alerting.minEvents')).toHaveValue('100');
    expect(screen.getAllByLabelText(/^Alert tier \d long window$/)).toHaveLength(2);
    openStep('review');
    const review = screen.getByTestId(testIds.editor.review);
    expect(review).toHaveTextContent('FolderSLOs');
    expect(review).toHaveTextContent('datasource prometheus');
  });

  it("starts a new SLO in a folder the user may save in when the settings' folder is not one", async () => {
    grafana.appSettings.jsonData = appSettingsToJsonData(
      { ...defaultAppSettings(), defaultFolderUid: 'platform' },
      null
    );
    await openEditor(newSloUrl());

    openStep('review');
    expect(screen.getByTestId(testIds.editor.review)).toHaveTextContent('FolderGeneral');
  });

  it('keeps the user on a step whose fields have problems, each message at its field naming it', async () => {
    seed(grafana, storedSlo());
    await openEditor(editSloUrl('checkout-availability'));

    openStep('objective');
    type('objective.target', 'abc');
    fireEvent.click(screen.getByLabelText('Timeslices'));
    type('objective.timeSliceWindow', '90s');
    fireEvent.click(screen.getByTestId(testIds.editor.next));

    expect(field('objective.target')).toHaveTextContent('Target must be a number like 99.9, got "abc"');
    expect(field('objective.timeSliceWindow')).toHaveTextContent(
      'Time slice window must be a duration of whole minutes like 5m, got "90s"'
    );
    expect(screen.getByTestId(testIds.editor.step('objective'))).toHaveTextContent(/2\. Objective\s*2/);
    expect(screen.getByTestId(testIds.editor.stepContent('objective'))).toBeInTheDocument();

    type('objective.target', '99.5');
    type('objective.timeSliceWindow', '1m');
    expect(screen.getByTestId(testIds.editor.step('objective'))).toHaveTextContent(/^2\. Objective$/);
    fireEvent.click(screen.getByTestId(testIds.editor.next));
    expect(screen.getByTestId(testIds.editor.stepContent('alerting'))).toBeInTheDocument();
  });

  it('names the alert tier and field of an alerting problem, and the minimum events', async () => {
    seed(grafana, storedSlo());
    await openEditor(editSloUrl('checkout-availability'));

    openStep('alerting');
    fireEvent.change(screen.getByLabelText('Alert tier 1 short window'), { target: { value: '2h' } });
    type('alerting.minEvents', '-5');
    fireEvent.click(screen.getByTestId(testIds.editor.next));

    expect(field('alerting.tiers')).toHaveTextContent(
      'Alert tier 1 short window must be shorter than the long window 1h, got 2h'
    );
    expect(field('alerting.minEvents')).toHaveTextContent('Minimum events must be 0 or more, got -5');
  });

  it('shows problems with details and labels at their fields and rows', async () => {
    seed(grafana, storedSlo({ labels: {} }));
    await openEditor(editSloUrl('checkout-availability'));

    openStep('details');
    type('name', '');
    type('runbookUrl', 'ftp://runbooks.example.com');
    fireEvent.click(screen.getByTestId(testIds.editor.addLabel));
    fireEvent.click(screen.getByTestId(testIds.editor.addLabel));
    fireEvent.click(screen.getByTestId(testIds.editor.addLabel));
    fireEvent.change(screen.getByLabelText('Label 1 name'), { target: { value: 'env' } });
    fireEvent.change(screen.getByLabelText('Label 2 value'), { target: { value: 'orphan' } });
    fireEvent.change(screen.getByLabelText('Label 3 name'), { target: { value: 'env' } });
    fireEvent.click(screen.getByTestId(testIds.editor.next));

    expect(field('name')).toHaveTextContent('Name is required');
    expect(field('runbookUrl')).toHaveTextContent(
      'Runbook URL must be an http or https URL, got "ftp://runbooks.example.com"'
    );
    expect(field('labels[1]')).toHaveTextContent('Label 2 name is required: the value "orphan" needs a label name');
    expect(field('labels[2]')).toHaveTextContent('Label 3 name repeats the label "env" of row 1');
    expect(field('labels[0]')).not.toHaveTextContent('Label');
  });

  it('lists every problem on the review and saves nothing while there are any', async () => {
    seed(grafana, storedSlo());
    await openEditor(editSloUrl('checkout-availability'));

    openStep('details');
    type('service', ' ');
    openStep('review');
    fireEvent.click(screen.getByTestId(testIds.editor.save));

    const problems = screen.getByTestId(testIds.editor.reviewErrors);
    expect(problems).toHaveTextContent('Service is required');
    expect(screen.getByTestId(testIds.editor.step('details'))).toHaveTextContent(/4\. Details\s*1/);
    fireEvent.click(within(problems).getByRole('button', { name: 'Go to Details' }));
    expect(field('service')).toHaveTextContent('Service is required');
    expect(grafana.callsTo('PATCH', '/api/library-elements/checkout-availability')).toEqual([]);
  });

  it("shows Grafana's refusal of a name at the name field", async () => {
    seed(grafana, storedSlo({ uid: 'other', name: 'Taken' }));
    seed(grafana, storedSlo());
    await openEditor(editSloUrl('checkout-availability'));

    openStep('details');
    type('name', 'Taken');
    openStep('review');
    fireEvent.click(screen.getByTestId(testIds.editor.save));

    expect(await screen.findByTestId(testIds.editor.saveError)).toHaveTextContent('Grafana did not save the SLO');
    openStep('details');
    expect(field('name')).toHaveTextContent('Name is taken by another library panel in folder "SLOs"');
    expect(input('name')).toHaveValue('Taken');
  });

  describe('when someone else saved the SLO meanwhile', () => {
    /** Alice saves her version of the SLO (behind the editor's back), over `version`. */
    async function aliceSaves(version: number, patch: Partial<SloSpec>) {
      grafana.signIn('alice');
      const saved = await updateSlo(storedSlo(patch), version);
      grafana.signIn('editor');
      expect(saved.ok).toBe(true);
    }

    async function saveTarget(target: string) {
      openStep('objective');
      type('objective.target', target);
      openStep('review');
      fireEvent.click(screen.getByTestId(testIds.editor.save));
      return screen.findByTestId(testIds.editor.conflict);
    }

    it("keeps the user's edits and shows what changed on the server, field by field, with both values", async () => {
      seed(grafana, storedSlo());
      await openEditor(editSloUrl('checkout-availability'));
      await aliceSaves(1, { description: 'Theirs', objective: { ...storedSlo().objective, target: 99 } });

      const conflict = await saveTarget('99.5');

      expect(conflict).toHaveTextContent('Someone else saved "Checkout availability" after you opened it');
      expect(screen.getByTestId(testIds.editor.conflictChange('description'))).toHaveTextContent(
        'DescriptionTheirsCheckout requests that do not fail with a server error.'
      );
      expect(screen.getByTestId(testIds.editor.conflictChange('objective.target'))).toHaveTextContent('Target9999.5');
      openStep('objective');
      expect(input('objective.target')).toHaveValue('99.5');
    });

    it("overwrites with the user's SLO over the version it showed", async () => {
      seed(grafana, storedSlo());
      const location = await openEditor(editSloUrl('checkout-availability'));
      await aliceSaves(1, { description: 'Theirs' });
      await saveTarget('99.5');

      fireEvent.click(screen.getByTestId(testIds.editor.overwrite));

      await waitFor(() => expect(location.pathname).toBe(sloPageUrl('checkout-availability')));
      // The first PATCH is Alice's.
      const patches = grafana.callsTo('PATCH', '/api/library-elements/checkout-availability').slice(1);
      expect(patches).toMatchObject([
        { status: 412, body: { version: 1 } },
        { status: 200, body: { version: 2 } },
      ]);
      const saved = await getSlo('checkout-availability');
      expect(saved.ok && saved.value.slo.objective.target).toBe(99.5);
      expect(saved.ok && saved.value.version).toBe(3);
    });

    it('shows a third save that came before the overwrite as a conflict again, never saving over it', async () => {
      seed(grafana, storedSlo());
      await openEditor(editSloUrl('checkout-availability'));
      await aliceSaves(1, { description: 'Theirs' });
      await saveTarget('99.5');
      await aliceSaves(2, { description: 'Theirs again' });

      fireEvent.click(screen.getByTestId(testIds.editor.overwrite));

      await waitFor(() =>
        expect(screen.getByTestId(testIds.editor.conflictChange('description'))).toHaveTextContent('Theirs again')
      );
      const saved = await getSlo('checkout-availability');
      expect(saved.ok && saved.value.slo.description).toBe('Theirs again');
    });

    it("reloads the server's SLO after a confirmation, discarding the user's edits", async () => {
      seed(grafana, storedSlo());
      await openEditor(editSloUrl('checkout-availability'));
      await aliceSaves(1, { objective: { ...storedSlo().objective, target: 99 } });
      await saveTarget('99.5');

      fireEvent.click(screen.getByTestId(testIds.editor.reload));
      // Plain text, not a role query: walking the accessibility tree of the whole editor is slow in jsdom.
      fireEvent.click(await screen.findByText('Discard my edits and reload'));

      await waitFor(() => expect(screen.queryByTestId(testIds.editor.conflict)).not.toBeInTheDocument());
      expect(screen.getByTestId(testIds.editor.review)).toHaveTextContent('99% over 30 days');
      openStep('objective');
      expect(input('objective.target')).toHaveValue('99');
    });
  });

  it('explains a refused save with the folder and whom to ask, keeping the edits', async () => {
    seed(grafana, storedSlo());
    await openEditor(editSloUrl('checkout-availability'));
    // An admin takes the Editors' permission on the folder away while the editor is open.
    grafana.addFolder('slos', 'SLOs', []);

    openStep('details');
    type('team', 'web');
    openStep('review');
    fireEvent.click(screen.getByTestId(testIds.editor.save));

    expect(await screen.findByTestId(testIds.editor.saveError)).toHaveTextContent(
      'You may not edit SLOs in folder "SLOs": ask an admin for Edit permission on it.'
    );
    expect(screen.getByTestId(testIds.editor.review)).toHaveTextContent('Teamweb');
  });

  it('keeps the edits when Grafana cannot be reached, and saves them on Retry', async () => {
    seed(grafana, storedSlo());
    const location = await openEditor(editSloUrl('checkout-availability'));
    grafana.outage = 'offline';

    openStep('details');
    type('team', 'web');
    openStep('review');
    fireEvent.click(screen.getByTestId(testIds.editor.save));

    expect(await screen.findByTestId(testIds.editor.saveError)).toHaveTextContent('Grafana could not be reached');
    expect(screen.getByTestId(testIds.editor.review)).toHaveTextContent('Teamweb');
    grafana.outage = undefined;
    fireEvent.click(screen.getByTestId(testIds.editor.retry));

    await waitFor(() => expect(location.pathname).toBe(sloPageUrl('checkout-availability')));
    const saved = await getSlo('checkout-availability');
    expect(saved.ok && saved.value.slo.team).toBe('web');
  });

  it('shows a Viewer no form, only why', async () => {
    signIn(grafana, 'viewer');
    seed(grafana, storedSlo());
    renderAt(editSloUrl('checkout-availability'));

    expect(await screen.findByTestId(testIds.editor.noPermission)).toHaveTextContent(
      'Your role may view this SLO but not edit it'
    );
    expect(screen.queryByTestId(testIds.editor.container)).not.toBeInTheDocument();
  });

  it('shows a Viewer no form for a new SLO either', async () => {
    signIn(grafana, 'viewer');
    renderAt(newSloUrl());

    expect(await screen.findByTestId(testIds.editor.noPermission)).toHaveTextContent('not create them');
    expect(screen.queryByTestId(testIds.editor.container)).not.toBeInTheDocument();
  });

  it('says when the folders cannot be loaded instead of checking permissions forever, and opens on Retry', async () => {
    seed(grafana, storedSlo());
    grafana.outage = 'offline';
    renderAt(editSloUrl('checkout-availability'));

    const failure = await screen.findByTestId(testIds.editor.loadError);
    expect(failure).toHaveTextContent('Grafana could not be reached');
    expect(screen.queryByTestId(testIds.editor.loading)).not.toBeInTheDocument();
    grafana.outage = undefined;
    fireEvent.click(within(failure).getByRole('button', { name: /retry/i }));

    expect(await screen.findByTestId(testIds.editor.container)).toBeInTheDocument();
  });

  it('shows an Editor no form for an SLO in a folder they may not edit, naming the folder', async () => {
    seed(grafana, storedSlo({ folderUid: 'platform' }));
    renderAt(editSloUrl('checkout-availability'));

    expect(await screen.findByTestId(testIds.editor.noPermission)).toHaveTextContent(
      'You may not edit SLOs in folder "Platform": ask an admin for edit permission on the folder.'
    );
    expect(screen.queryByTestId(testIds.editor.container)).not.toBeInTheDocument();
  });

  it('offers to save an SLO someone deleted meanwhile as a new one', async () => {
    seed(grafana, storedSlo());
    const location = await openEditor(editSloUrl('checkout-availability'));
    grafana.library.elements.delete('checkout-availability');

    openStep('review');
    fireEvent.click(screen.getByTestId(testIds.editor.save));
    expect(await screen.findByTestId(testIds.editor.saveError)).toHaveTextContent('was deleted by someone else');
    fireEvent.click(screen.getByTestId(testIds.editor.saveAsNew));

    await waitFor(() => expect(location.pathname).toBe(sloPageUrl('checkout-availability')));
    const saved = await getSlo('checkout-availability');
    expect(saved.ok && saved.value.version).toBe(1);
  });

  it('asks the browser to confirm leaving once there are unsaved edits', async () => {
    seed(grafana, storedSlo());
    await openEditor(editSloUrl('checkout-availability'));
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };

    expect(leave()).toBe(false);
    openStep('details');
    type('team', 'web');
    expect(leave()).toBe(true);
  });

  it('goes back where the user came from on Cancel, saving nothing', async () => {
    seed(grafana, storedSlo());
    const list = `${PLUGIN_BASE_URL}/slos`;
    const location = await openEditor(editSloUrl('checkout-availability'), [list]);

    openStep('details');
    type('team', 'web');
    fireEvent.click(screen.getByTestId(testIds.editor.cancel));

    await waitFor(() => expect(location.pathname).toBe(list));
    expect(grafana.callsTo('PATCH', '/api/library-elements/checkout-availability')).toEqual([]);
  });
});
