import { lastValueFrom } from 'rxjs';

import { sloToLibraryPanel } from '../spec/libraryPanel';
import type { SloSpec } from '../spec/types';
import { latencySlo, ratioSlo } from '../spec/testing';
import { createSlo, deleteSlo, getSlo, listAllSlos, listSlos, overwriteSlo, updateSlo } from './index';
import { errorOf, type FakeGrafana, installFakeGrafana, valueOf } from './testing';

let grafana: FakeGrafana;

beforeEach(() => {
  grafana = installFakeGrafana();
});

/** The checkout SLO in the folder Editors may edit. */
function checkout(): SloSpec {
  return { ...ratioSlo(), folderUid: 'slos' };
}

describe('saving and reading SLOs', () => {
  it('creates an SLO as a library panel, then lists, gets and updates it with a version bump', async () => {
    const created = valueOf(await createSlo(checkout()));
    expect(created).toMatchObject({ slo: checkout(), version: 1, folderUid: 'slos', folderName: 'SLOs' });
    expect(created.updatedBy).toBe('editor');
    expect(grafana.callsTo('POST', '/api/library-elements')[0].body).toEqual(
      JSON.parse(JSON.stringify(sloToLibraryPanel(checkout())))
    );

    const page = valueOf(await listSlos());
    expect(page).toMatchObject({ totalCount: 1, page: 1, perPage: 100, invalid: [] });
    expect(page.slos.map((stored) => stored.slo)).toEqual([checkout()]);
    const query = grafana.callsTo('GET', '/api/library-elements')[0].query;
    expect(Object.fromEntries(query)).toEqual({
      kind: '1',
      typeFilter: 'nines-slo-panel',
      sortDirection: 'alpha-asc',
      page: '1',
      perPage: '100',
    });

    const loaded = valueOf(await getSlo(checkout().uid));
    expect(loaded.slo).toEqual(checkout());
    const edited = { ...loaded.slo, objective: { ...loaded.slo.objective, target: 99.5 } };
    const updated = valueOf(await updateSlo(edited, loaded.version, { view: 'trend' }));
    expect(updated).toMatchObject({ slo: edited, version: 2, view: 'trend' });
    expect(grafana.callsTo('PATCH', '/api/library-elements/checkout-availability')[0].body).toMatchObject({
      uid: 'checkout-availability',
      kind: 1,
      version: 1,
    });
    expect(valueOf(await getSlo(checkout().uid))).toMatchObject({ slo: edited, version: 2 });
  });

  it('filters by folder, naming the General folder as Grafana does, and by text', async () => {
    valueOf(await createSlo(checkout()));
    valueOf(await createSlo({ ...latencySlo(), folderUid: '' }));

    const inGeneral = valueOf(await listSlos({ folderUids: [''] }));
    expect(inGeneral.slos.map((stored) => stored.slo.uid)).toEqual(['checkout-latency']);
    expect(grafana.calls.at(-1)?.query.get('folderFilterUIDs')).toBe('general');
    expect(inGeneral.slos[0].folderName).toBe('General');

    const searched = valueOf(await listSlos({ searchString: 'availability', folderUids: ['', 'slos'] }));
    expect(searched.slos.map((stored) => stored.slo.uid)).toEqual(['checkout-availability']);
    expect(grafana.calls.at(-1)?.query.get('folderFilterUIDs')).toBe('general,slos');
  });

  it('checks an SLO before sending it and names every field to fix', async () => {
    const broken = { ...checkout(), name: ' ', objective: { ...checkout().objective, target: 120 } };
    const error = errorOf(await createSlo(broken));
    expect(error.kind).toBe('invalid');
    expect(error.kind === 'invalid' && error.errors.map((problem) => problem.path)).toEqual([
      'name',
      'objective.target',
    ]);
    expect(error.message).toBe('The SLO " " has 2 problems to fix before it can be saved.');
    expect(errorOf(await updateSlo(broken, 1)).kind).toBe('invalid');
    expect(errorOf(await overwriteSlo(broken)).kind).toBe('invalid');
    expect(grafana.calls).toEqual([]);
  });

  it('names the field when Grafana finds the uid or the name taken', async () => {
    valueOf(await createSlo(checkout()));
    const sameUid = errorOf(await createSlo({ ...checkout(), name: 'Another name' }));
    expect(sameUid).toMatchObject({ kind: 'invalid', errors: [{ path: 'uid' }], status: 400 });
    expect(sameUid.message).toBe(
      'An SLO or library panel with the uid "checkout-availability" exists already: choose another uid.'
    );
    const sameName = errorOf(await createSlo({ ...checkout(), uid: 'another-uid' }));
    expect(sameName).toMatchObject({ kind: 'invalid', errors: [{ path: 'name' }] });
    expect(sameName.message).toBe(
      'Folder "SLOs" already has a library panel called "Checkout availability": choose another name.'
    );
  });

  it('names the folder field when the folder does not exist', async () => {
    const error = errorOf(await createSlo({ ...checkout(), folderUid: 'gone' }));
    expect(error).toMatchObject({ kind: 'invalid', errors: [{ path: 'folderUid' }] });
    expect(error.message).toBe('The folder "gone" does not exist (any more): choose another folder.');
  });

  it('says that an SLO does not exist, when loading and when saving it', async () => {
    expect(errorOf(await getSlo('nope'))).toMatchObject({
      kind: 'notFound',
      uid: 'nope',
      message: 'The SLO "nope" does not exist: someone may have deleted it.',
    });
    expect(errorOf(await updateSlo(checkout(), 1))).toMatchObject({
      kind: 'notFound',
      message: 'The SLO "Checkout availability" was deleted by someone else: save it as a new SLO to keep it.',
    });
    expect(errorOf(await overwriteSlo(checkout())).kind).toBe('notFound');
  });
});

describe('concurrent edits', () => {
  it("keeps the user's edits when the server has a newer version, and hands back the server's SLO", async () => {
    valueOf(await createSlo(checkout()));
    const opened = valueOf(await getSlo(checkout().uid));

    grafana.signIn('alice');
    const theirs = { ...opened.slo, description: 'Edited by Alice.' };
    valueOf(await updateSlo(theirs, opened.version));

    grafana.signIn('editor');
    const mine = { ...opened.slo, objective: { ...opened.slo.objective, target: 99.95 } };
    const before = JSON.parse(JSON.stringify(mine));
    const error = errorOf(await updateSlo(mine, opened.version));
    expect(error.kind).toBe('conflict');
    if (error.kind !== 'conflict') {
      return;
    }
    expect(error.current).toMatchObject({ slo: theirs, version: 2, updatedBy: 'alice' });
    expect(error.status).toBe(412);
    expect(error.message).toBe(
      'Someone else saved "Checkout availability" after you opened it (you edited version 1; Grafana has version 2 by alice). Compare their changes with yours, then reload theirs or overwrite them with yours.'
    );
    expect(mine).toEqual(before);
    expect(valueOf(await getSlo(checkout().uid)).slo).toEqual(theirs);

    const overwritten = valueOf(await overwriteSlo(mine));
    expect(overwritten).toMatchObject({ slo: mine, version: 3, updatedBy: 'editor' });
    expect(grafana.callsTo('PATCH', '/api/library-elements/checkout-availability').at(-1)?.body).toMatchObject({
      version: 2,
    });
  });

  it('overwrites a server copy that no longer reads as an SLO', async () => {
    grafana.seedElement({ uid: 'checkout-availability', name: 'Checkout availability', folderUid: 'slos', model: {} });
    expect(errorOf(await getSlo('checkout-availability')).kind).toBe('invalid');
    expect(valueOf(await overwriteSlo(checkout()))).toMatchObject({ slo: checkout(), version: 2 });
  });
});

describe('permissions', () => {
  it('explains a refusal in a folder the user may not edit, on create, update and delete', async () => {
    const platform = { ...checkout(), folderUid: 'platform' };
    const refused = errorOf(await createSlo(platform));
    expect(refused).toMatchObject({ kind: 'forbidden', status: 403, folderUid: 'platform', folderName: 'Platform' });
    expect(refused.message).toBe('You may not edit SLOs in folder "Platform": ask an admin for Edit permission on it.');

    grafana.signIn('admin');
    const stored = valueOf(await createSlo(platform));
    grafana.signIn('editor');
    expect(errorOf(await updateSlo(platform, stored.version)).message).toBe(
      'You may not edit SLOs in folder "Platform": ask an admin for Edit permission on it.'
    );
    expect(errorOf(await updateSlo({ ...platform, folderUid: 'slos' }, stored.version)).message).toBe(
      'You may not move SLOs from folder "Platform" to "SLOs": ask an admin for Edit permission on both.'
    );
    const deleteRefused = errorOf(await deleteSlo(platform.uid));
    expect(deleteRefused).toMatchObject({ kind: 'forbidden', folderName: 'Platform' });
    expect(deleteRefused.message).toBe(
      'You may not delete SLOs in folder "Platform": ask an admin for Edit permission on it.'
    );
    expect(valueOf(await getSlo(platform.uid)).version).toBe(1);
  });

  it('explains to a Viewer that saving needs Edit permission', async () => {
    grafana.signIn('viewer');
    expect(errorOf(await createSlo(checkout()))).toMatchObject({
      kind: 'forbidden',
      folderName: 'SLOs',
      message: 'You may not edit SLOs in folder "SLOs": ask an admin for Edit permission on it.',
    });
  });
});

describe('deleting', () => {
  it('refuses while dashboards use the SLO, naming them, and deletes it once they do not', async () => {
    valueOf(await createSlo(checkout()));
    const dashboard = grafana.addDashboard('checkout-board', 'Checkout overview', [checkout().uid]);

    const error = errorOf(await deleteSlo(checkout().uid));
    expect(error).toMatchObject({
      kind: 'inUse',
      uid: 'checkout-availability',
      connections: [{ dashboardUid: 'checkout-board', dashboardId: dashboard.id, title: 'Checkout overview' }],
    });
    expect(error.message).toBe(
      '"Checkout availability" is used by 1 dashboard ("Checkout overview"): remove its panel from them first, then delete the SLO. Grafana keeps library panels that dashboards use.'
    );
    expect(valueOf(await getSlo(checkout().uid)).connectedDashboards).toBe(1);

    dashboard.libraryPanelUids = [];
    expect(valueOf(await deleteSlo(checkout().uid))).toBeUndefined();
    expect(errorOf(await getSlo(checkout().uid)).kind).toBe('notFound');
    expect(errorOf(await deleteSlo(checkout().uid)).kind).toBe('notFound');
  });
});

describe('failures on the way', () => {
  it('keeps the request intact when Grafana cannot be reached, so it can be sent again', async () => {
    grafana.outage = 'offline';
    const error = errorOf(await createSlo(checkout()));
    expect(error.kind).toBe('network');
    if (error.kind !== 'network') {
      return;
    }
    expect(error.status).toBe(0);
    expect(error.message).toBe(
      'Could not save the new SLO "Checkout availability": Grafana could not be reached (no answer). Your changes are still here: try again when the connection is back.'
    );
    expect(error.request).toEqual({
      method: 'POST',
      url: '/api/library-elements',
      data: sloToLibraryPanel(checkout()),
    });

    grafana.outage = undefined;
    const resent = await lastValueFrom(grafana.fetch(error.request));
    expect(resent.data).toMatchObject({ result: { uid: 'checkout-availability', version: 1 } });
  });

  it.each([
    [502, 'bad gateway, HTTP 502'],
    [503, 'service unavailable, HTTP 503'],
    [504, 'gateway timeout, HTTP 504'],
  ] as const)('treats HTTP %i from a proxy as Grafana out of reach', async (status, said) => {
    valueOf(await createSlo(checkout()));
    grafana.outage = status;
    const error = errorOf(await updateSlo(checkout(), 1));
    expect(error).toMatchObject({ kind: 'network', status, request: { method: 'PATCH' } });
    expect(error.message).toContain(`Grafana could not be reached (${said})`);
    expect(errorOf(await listSlos()).message).toBe(
      `Could not load the SLOs: Grafana could not be reached (${said}). Try again when the connection is back.`
    );
  });

  it('reports what Grafana said when it fails or refuses a list', async () => {
    grafana.failNext(500, 'database is locked');
    const failed = errorOf(await listSlos());
    expect(failed).toMatchObject({ kind: 'server', status: 500, serverMessage: 'database is locked' });
    expect(failed.message).toBe(
      'Could not load the SLOs: Grafana answered with an error (HTTP 500): "database is locked".'
    );

    grafana.failNext(403, 'access denied');
    expect(errorOf(await listSlos())).toMatchObject({
      kind: 'forbidden',
      message: 'You may not load the SLOs: Grafana refused: "access denied". Ask an admin for the permission.',
    });

    grafana.failNext(401, 'Unauthorized');
    expect(errorOf(await createSlo(checkout()))).toMatchObject({
      kind: 'forbidden',
      message:
        'Could not save the new SLO "Checkout availability": you are signed out of Grafana. Sign in again in another tab, then try again; your changes are still here.',
    });
  });

  it('says when someone else saved and their version cannot be loaded either', async () => {
    valueOf(await createSlo(checkout()));
    grafana.failNext(412, 'the library element has been changed by someone else');
    grafana.failNext(502, 'Bad gateway');
    const unknown = errorOf(await updateSlo(checkout(), 1));
    expect(unknown).toMatchObject({ kind: 'conflict', uid: 'checkout-availability' });
    expect(unknown.kind === 'conflict' && unknown.current).toBeUndefined();
    expect(unknown.message).toMatch(
      /^Someone else saved "Checkout availability" after you opened it \(you edited version 1\), and their version could not be loaded: Could not load the SLO "checkout-availability": Grafana could not be reached/
    );
  });
});

describe('listing', () => {
  it('reports a library panel that does not read as an SLO instead of dropping it', async () => {
    valueOf(await createSlo(checkout()));
    const broken = sloToLibraryPanel({ ...latencySlo(), folderUid: 'slos' });
    const model = {
      ...broken.model,
      options: { ...broken.model.options, objective: { ...broken.model.options.objective, target: 'high' } },
    };
    grafana.seedElement({ uid: broken.uid, name: broken.name, folderUid: 'slos', model });

    const page = valueOf(await listSlos());
    expect(page.totalCount).toBe(2);
    expect(page.slos.map((stored) => stored.slo.uid)).toEqual(['checkout-availability']);
    expect(page.invalid).toEqual([
      {
        uid: 'checkout-latency',
        name: 'Checkout latency',
        errors: [{ path: 'model.options.objective.target', message: expect.stringContaining('"high"') }],
      },
    ]);
    const error = errorOf(await getSlo('checkout-latency'));
    expect(error.kind).toBe('invalid');
    expect(error.message).toMatch(
      /^The library panel "Checkout latency" does not read as an SLO: model\.options\.objective\.target /
    );
  });

  it('pages past the first 100 SLOs', async () => {
    for (let index = 0; index < 150; index++) {
      const slo = {
        ...checkout(),
        uid: `slo-${String(index).padStart(3, '0')}`,
        name: `SLO ${String(index).padStart(3, '0')}`,
      };
      const { uid, name, folderUid, model } = sloToLibraryPanel(slo);
      grafana.seedElement({ uid, name, folderUid, model: JSON.parse(JSON.stringify(model)) });
    }
    const first = valueOf(await listSlos());
    expect(first).toMatchObject({ totalCount: 150, page: 1, perPage: 100 });
    expect(first.slos).toHaveLength(100);
    const second = valueOf(await listSlos({ page: 2 }));
    expect(second.slos.map((stored) => stored.slo.uid)).toEqual(
      Array.from({ length: 50 }, (_, index) => `slo-${100 + index}`)
    );

    const all = valueOf(await listAllSlos());
    expect(new Set(all.slos.map((stored) => stored.slo.uid)).size).toBe(150);
    expect(
      grafana
        .callsTo('GET', '/api/library-elements')
        .slice(-2)
        .map((call) => call.query.get('page'))
    ).toEqual(['1', '2']);
  });
});
