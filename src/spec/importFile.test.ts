/** @jest-environment node */
import { readFileSync } from 'fs';
import { join } from 'path';

import { describeLocatedError, importFormatOf, readImportFile } from './importFile';

const fixture = (folder: string, name: string) =>
  readFileSync(join(__dirname, '../../tests/fixtures', folder, name), 'utf8');
const datasource = { uid: 'prometheus-main', type: 'prometheus' };

describe('readImportFile', () => {
  it('tells Sloth files from OpenSLO ones', () => {
    expect(importFormatOf(fixture('sloth', 'checkout.yaml'))).toBe('sloth');
    expect(importFormatOf(fixture('openslo', 'inline-sli.yaml'))).toBe('openslo');
    expect(importFormatOf('not: [valid')).toBe('openslo');
  });

  it('reads a Sloth file with the chosen datasource, and its notes', () => {
    const file = readImportFile(fixture('sloth', 'checkout.yaml'), { datasource });
    expect(file).toMatchObject({ ok: true, format: 'sloth' });
    expect(file.ok && file.slos.map((slo) => slo.sli.datasource)).toEqual([datasource, datasource]);
    expect(file.notes).toHaveLength(2);
  });

  it('lists every problem of a bad file with its document and path, and gives no SLOs', () => {
    const file = readImportFile(fixture('openslo', 'bad-file.yaml'));
    expect(file.ok).toBe(false);
    const errors = file.ok ? [] : file.errors;
    expect(errors).toHaveLength(13);
    expect(describeLocatedError(errors[1])).toBe(
      'document 1: spec.objectives[0].target: must be a fraction between 0 and 1 (exclusive), e.g. 0.999, got 1.5'
    );
  });

  it('says that an empty text has nothing to import', () => {
    expect(readImportFile(' \n')).toMatchObject({
      ok: false,
      errors: [{ path: '', message: expect.stringMatching(/^is empty/) }],
    });
  });
});
