import fc from 'fast-check';

import { sloSpec } from './arbitraries';
import { formToSlo, labelRowErrors, sloToForm, type SloForm } from './form';
import { ratioSlo, rawSlo } from './testing';
import type { SpecError } from './types';

function errorsOf(form: SloForm): SpecError[] {
  const result = formToSlo(form);
  return result.ok ? [] : result.errors;
}

/** The form of the ratio example after a change to it. */
function formWith(change: (form: SloForm) => void): SloForm {
  const form = sloToForm(ratioSlo());
  change(form);
  return form;
}

describe('sloToForm and formToSlo', () => {
  it('give back every valid SLO unchanged', () => {
    fc.assert(
      fc.property(sloSpec, (slo) => {
        expect(formToSlo(sloToForm(slo))).toEqual({ ok: true, slo });
      }),
      { numRuns: 300 }
    );
  });

  it('show numbers as text and labels as rows in their order, a slice target of 0 as blank', () => {
    const form = sloToForm({ ...rawSlo(), labels: { tier: '1', env: 'prod' } });
    expect(form.objective.target).toBe('99.9');
    expect(form.objective.timeSliceTarget).toBe('95');
    expect(form.alerting.minEvents).toBe('0');
    expect(form.labels).toEqual([
      { key: 'tier', value: '1' },
      { key: 'env', value: 'prod' },
    ]);
    expect(sloToForm(ratioSlo()).objective.timeSliceTarget).toBe('');
  });

  it('does not share the tiers with the SLO, so editing the form leaves the SLO alone', () => {
    const slo = ratioSlo();
    sloToForm(slo).alerting.tiers[0].enabled = false;
    expect(slo.alerting.tiers[0].enabled).toBe(true);
  });
});

describe('formToSlo', () => {
  it('reads typed numbers, with blanks as the defaults of optional ones', () => {
    const result = formToSlo(
      formWith((form) => {
        form.objective.target = ' 99.95 ';
        form.objective.timeSliceTarget = '';
        form.alerting.minEvents = '';
      })
    );
    expect(result.ok && result.slo.objective).toMatchObject({ target: 99.95, timeSliceTarget: 0 });
    expect(result.ok && result.slo.alerting.minEvents).toBe(0);
  });

  it('says when a typed number is missing or not a number, at its field', () => {
    expect(errorsOf(formWith((form) => (form.objective.target = '')))).toEqual([
      { path: 'objective.target', message: 'is required: a number like 99.9' },
    ]);
    expect(errorsOf(formWith((form) => (form.objective.target = '99,9')))).toEqual([
      { path: 'objective.target', message: 'must be a number like 99.9, got "99,9"' },
    ]);
    expect(errorsOf(formWith((form) => (form.objective.timeSliceTarget = '0x10')))).toEqual([
      { path: 'objective.timeSliceTarget', message: 'must be a number like 95, got "0x10"' },
    ]);
    expect(errorsOf(formWith((form) => (form.alerting.minEvents = 'many')))).toEqual([
      { path: 'alerting.minEvents', message: 'must be a number like 100, got "many"' },
    ]);
  });

  it("passes the spec's own rules on with the spec's paths", () => {
    const errors = errorsOf(
      formWith((form) => {
        form.objective.target = '100';
        form.name = ' ';
        form.runbookUrl = 'javascript:alert(1)';
      })
    );
    expect(errors.map((error) => error.path)).toEqual(['name', 'runbookUrl', 'objective.target']);
  });

  it('skips blank label rows and trims label names', () => {
    const result = formToSlo(
      formWith((form) => {
        form.labels = [
          { key: '', value: '' },
          { key: ' env ', value: 'prod' },
          { key: 'empty', value: '' },
        ];
      })
    );
    expect(result.ok && result.slo.labels).toEqual({ env: 'prod', empty: '' });
  });

  it('says at the row when a label value has no name or a name is repeated', () => {
    const form = formWith((draft) => {
      draft.labels = [
        { key: 'env', value: 'prod' },
        { key: '', value: 'orphan' },
        { key: 'env', value: 'staging' },
      ];
    });
    expect(errorsOf(form)).toEqual([
      { path: 'labels[1].key', message: 'is required: the value "orphan" needs a label name' },
      { path: 'labels[2].key', message: 'repeats the label "env" of row 1: each label once' },
    ]);
  });

  it('reports a label called __proto__ rather than losing it', () => {
    const errors = errorsOf(formWith((form) => (form.labels = [{ key: '__proto__', value: 'x' }])));
    expect(errors).toEqual([{ path: 'labels[0].key', message: 'must not start with __: such labels are reserved' }]);
  });

  it('drafts an unfinished form with defaults for the numbers that are not numbers', () => {
    const result = formToSlo(formWith((form) => (form.objective.target = 'abc')));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.draft.objective.target).toBe(99.9);
    expect(!result.ok && result.draft.name).toBe('Checkout availability');
  });
});

describe('labelRowErrors', () => {
  it("gives a row its own errors and the spec's errors about its label, once", () => {
    const rows = [
      { key: 'bad-name', value: 'x' },
      { key: 'bad-name', value: 'y' },
      { key: 'ok', value: '' },
    ];
    const errors: SpecError[] = [
      { path: 'labels.bad-name', message: 'label names must match' },
      { path: 'labels[1].key', message: 'repeats the label' },
      { path: 'labels.ok', message: 'looks like a secret' },
    ];
    expect(labelRowErrors(rows, errors, 0)).toEqual([errors[0]]);
    expect(labelRowErrors(rows, errors, 1)).toEqual([errors[1]]);
    expect(labelRowErrors(rows, errors, 2)).toEqual([errors[2]]);
  });

  it('finds the errors of label names that are not plain words', () => {
    const rows = [{ key: 'a b', value: 'x' }];
    const errors = errorsOf(formWith((form) => (form.labels = rows)));
    expect(errors).toHaveLength(1);
    expect(labelRowErrors(rows, errors, 0)).toEqual(errors);
  });
});
