/**
 * @jest-environment node
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { detectFormat } from '../../src/cli/sloFiles';
import { runCli } from './cliHarness';

const OPENSLO = 'tests/fixtures/openslo';
const SLOTH = 'tests/fixtures/sloth';
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nines-cli-validate-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('nines validate', () => {
  it('prints one line per SLO of valid OpenSLO and Sloth files, and exits 0', async () => {
    const files = [`${OPENSLO}/inline-sli.yaml`, `${OPENSLO}/referenced-sli.yaml`, `${SLOTH}/checkout.yaml`];
    const run = await runCli(['validate', ...files]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trim().split('\n');
    const summaries = lines.filter((line) => !line.includes(': note: '));
    expect(summaries).toEqual([
      `${OPENSLO}/inline-sli.yaml: web-availability "Web availability" (service web): 99.5% over 28d, ` +
        'good http_requests_total{job="web",code!~"5.."} of http_requests_total{job="web"}; 4 alert tiers',
      expect.stringMatching(/^tests\/fixtures\/openslo\/referenced-sli\.yaml: checkout-latency .* 99% over 7d, good /),
      expect.stringMatching(/^tests\/fixtures\/sloth\/checkout\.yaml: checkout-requests-availability .* bad /),
      expect.stringMatching(/^tests\/fixtures\/sloth\/checkout\.yaml: checkout-requests-latency .*; 2 alert tiers$/),
    ]);
    // Sloth's alert names are not imported: valid, but worth a note.
    expect(lines).toContain(
      `${SLOTH}/checkout.yaml: slos[0].alerting: note: Nines names and labels its alerts itself: ` +
        'the alert name, labels and annotations were not imported'
    );
  });

  it('prints every error with its file, document and YAML path, and exits 1', async () => {
    const run = await runCli(['validate', `${OPENSLO}/inline-sli.yaml`, `${OPENSLO}/bad-file.yaml`]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^tests\/fixtures\/openslo\/inline-sli\.yaml: web-availability /);
    expect(lines).toContain(
      `${OPENSLO}/bad-file.yaml: document 1: spec.objectives[0].target: must be a fraction between 0 and 1 ` +
        '(exclusive), e.g. 0.999, got 1.5'
    );
    expect(lines).toContain(`${OPENSLO}/bad-file.yaml: document 2: spec.service: is required`);
    expect(lines).toContain(
      `${OPENSLO}/bad-file.yaml: document 4: apiVersion: must be openslo/v1, got "openslo/v1alpha"`
    );
    // A file with errors gives no SLOs, so no summary line for it.
    expect(
      lines.filter((line) => line.startsWith(`${OPENSLO}/bad-file.yaml`)).every((line) => /: document \d: /.test(line))
    ).toBe(true);
    expect(lines.length).toBeGreaterThan(10);
  });

  it('names the file without a document when it holds one object', async () => {
    const path = write(
      'target.yaml',
      readFileSync(`${OPENSLO}/inline-sli.yaml`, 'utf8').replace('target: 0.995', 'target: 99.5')
    );
    const run = await runCli(['validate', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `${path}: spec.objectives[0].target: must be a fraction between 0 and 1 (exclusive), e.g. 0.999, got 99.5\n`
    );
  });

  it('reports Sloth errors with the path of the SLO entry', async () => {
    const run = await runCli(['validate', `${SLOTH}/unsupported.yaml`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${SLOTH}/unsupported.yaml: slos[0].sli.raw: is not supported`);
    expect(run.stdout).toContain(
      `${SLOTH}/unsupported.yaml: slos[2].objective: must be a percentage between 0 and 100 (exclusive), e.g. 99.9, got 100\n`
    );
  });

  it('rejects files that are neither format, unreadable files and invalid YAML', async () => {
    const other = write('other.yaml', 'groups:\n  - name: x\n');
    const broken = write('broken.yaml', 'apiVersion: openslo/v1\nkind: SLO\nmetadata: [\n');
    const missing = join(dir, 'missing.yaml');
    const run = await runCli(['validate', other, missing, broken, dir]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      `${other}: is neither an OpenSLO v1 file (apiVersion: openslo/v1) nor a Sloth file (version: prometheus/v1)`
    );
    expect(lines[1]).toBe(`${missing}: cannot read: no such file`);
    expect(lines[2]).toMatch(new RegExp(`^${broken}: is not valid YAML: `));
    expect(lines[lines.length - 1]).toBe(`${dir}: cannot read: is a directory`);
  });

  it('takes the datasource for files that name none from --datasource', async () => {
    const run = await runCli(['validate', '--datasource', 'bad uid!', `${SLOTH}/checkout.yaml`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `${SLOTH}/checkout.yaml: datasource.uid: must be a datasource uid (1 to 40 characters of a-z, A-Z, 0-9, - and _), ` +
        'got "bad uid!"\n'
    );
  });

  it('needs at least one file', async () => {
    const run = await runCli(['validate']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("nines validate: give one or more SLO files\nRun 'nines validate --help' for usage.\n");
  });
});

describe('detectFormat', () => {
  it('tells OpenSLO from Sloth by content, also in lists and after other documents', () => {
    expect(detectFormat('apiVersion: openslo/v1\nkind: SLO\n')).toBe('openslo');
    expect(detectFormat('- apiVersion: openslo/v1\n  kind: SLI\n')).toBe('openslo');
    expect(detectFormat("version: 'prometheus/v1'\nservice: x\nslos: []\n")).toBe('sloth');
    expect(detectFormat('---\n# nothing\n---\nversion: prometheus/v1\n')).toBe('sloth');
    expect(detectFormat('name: x\n')).toBeNull();
    expect(detectFormat('')).toBeNull();
    expect(detectFormat('a: [\n')).toBe('openslo');
  });
});
