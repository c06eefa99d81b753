/** @jest-environment node */
import { readImportFile } from './importFile';
import { planImport, writesOf } from './importPlan';
import { slosToOpenSlo } from './openslo';
import { latencySlo, ratioSlo } from './testing';
import type { SloSpec } from './types';

const stored = (slo: SloSpec, version = 3) => ({ slo, version });

describe('planImport', () => {
  it('creates new SLOs in the chosen folder unless the file names one', () => {
    const named = { ...ratioSlo(), folderUid: 'payments' };
    const unnamed = { ...latencySlo(), folderUid: '' };
    const plan = planImport([named, unnamed], [], { folderUid: 'slos' });

    expect(plan).toEqual({
      items: [
        { action: 'create', slo: named },
        { action: 'create', slo: { ...unnamed, folderUid: 'slos' } },
      ],
      errors: [],
    });
    expect(writesOf(plan)).toBe(2);
  });

  it('lists the fields a stored SLO of the same uid changes, against that stored version', () => {
    const current = stored(ratioSlo());
    const imported = { ...ratioSlo(), name: 'Checkout', objective: { ...ratioSlo().objective, target: 99.5 } };
    const [item] = planImport([imported], [current], { folderUid: 'slos' }).items;

    expect(item).toEqual({
      action: 'update',
      slo: imported,
      stored: current,
      changes: [
        { path: 'name', a: 'Checkout availability', b: 'Checkout' },
        { path: 'objective.target', a: 99.9, b: 99.5 },
      ],
    });
  });

  it('skips an SLO that is the same as stored, also when the file leaves out what does not change its meaning', () => {
    const current = stored({ ...ratioSlo(), objective: { ...ratioSlo().objective, timeZone: 'Europe/Berlin' } });
    const imported = { ...ratioSlo(), folderUid: '' };
    const plan = planImport([imported], [current], { folderUid: 'elsewhere' });

    expect(plan.items).toEqual([
      { action: 'unchanged', slo: { ...imported, folderUid: 'slo-payments' }, stored: current },
    ]);
    expect(writesOf(plan)).toBe(0);
  });

  it('reads back its own export of the stored SLOs as unchanged', () => {
    const slos = [ratioSlo(), latencySlo()];
    const file = readImportFile(slosToOpenSlo(slos));
    const plan = planImport(
      file.ok ? file.slos : [],
      slos.map((slo) => stored(slo)),
      { folderUid: '' }
    );
    expect(plan.items.map((item) => item.action)).toEqual(['unchanged', 'unchanged']);
  });

  it('writes nothing over a library panel that does not read as an SLO', () => {
    const [item] = planImport([ratioSlo()], [], { folderUid: '', unreadableUids: [ratioSlo().uid] }).items;
    expect(item).toMatchObject({ action: 'blocked', reason: expect.stringContaining('does not read as an SLO') });
  });

  it('refuses a file with two SLOs of one uid', () => {
    const plan = planImport([ratioSlo(), { ...ratioSlo(), name: 'Copy' }], [], { folderUid: '' });
    expect(plan.errors).toEqual([
      {
        path: 'uid',
        message:
          'is "checkout-availability" for 2 SLOs of the file ("Checkout availability", "Copy"): each SLO needs its own uid',
      },
    ]);
  });
});
