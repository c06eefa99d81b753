/**
 * @jest-environment node
 *
 * Every generated rule file passes `promtool check rules` (syntax, PromQL, templates, names).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

import { ruleFileYaml, type RuleFile } from '../../src/prometheus';
import { rawSlo } from '../../src/spec/testing';
import { promtool, requirePromtool, temporaryDirectory } from './promtool';
import { allSpecs, hostileSpec, HOSTILE, ratioSpec } from './specs';

let dir = '';

beforeAll(() => {
  requirePromtool();
  dir = temporaryDirectory('nines-check-rules-');
});

afterAll(() => {
  if (dir !== '') {
    rmSync(dir, { recursive: true, force: true });
  }
});

function checkFiles(files: RuleFile[]): string {
  for (const file of files) {
    writeFileSync(join(dir, file.name), file.yaml);
  }
  const run = promtool(['check', 'rules', ...files.map((file) => file.name)], dir);
  if (run.status !== 0) {
    throw new Error(`promtool check rules failed:\n${run.output}`);
  }
  return run.output;
}

describe('promtool check rules', () => {
  it.each(['slo', 'service'] as const)('passes on every file, one per %s', (per) => {
    const { files, skipped } = ruleFileYaml(allSpecs(), { per, grafanaUrl: 'https://grafana.example.com/' });
    expect(skipped).toEqual([]);
    const output = checkFiles(files);
    for (const file of files) {
      const count = file.groups.reduce((total, group) => total + group.rules.length, 0);
      expect(output).toContain(`Checking ${file.name}\n  SUCCESS: ${count} rules found`);
    }
    if (per === 'service') {
      const checkout = files.find((file) => file.name === 'nines-service-checkout.rules.yml');
      expect(checkout?.slos).toEqual(['checkout-availability', 'checkout-latency', 'checkout-pages-only']);
    } else {
      expect(files.map((file) => file.name)).toContain('nines-slo-hostile_1.rules.yml');
    }
  });

  it('keeps hostile values intact through YAML and inside one PromQL string', () => {
    const [file] = ruleFileYaml([hostileSpec()], { per: 'slo' }).files;
    checkFiles([file]);
    const read: unknown = parse(file.yaml);
    expect(read).toEqual(JSON.parse(JSON.stringify({ groups: file.groups })));
    const total = file.groups[0].rules.find((rule) => 'record' in rule && rule.labels.window === '5m');
    expect(total?.expr).toContain('job="a\\"b\\\\c\\nd\'e {{ .Value }} }}{{ x"');
    expect(total?.labels.nines_service).toBe(`svc ${HOSTILE}`);
  });

  it('names the SLI source of an SLO that has no Prometheus query builder, and keeps the others', () => {
    const { files, skipped } = ruleFileYaml([rawSlo(), ratioSpec()], { per: 'slo' });
    expect(files.map((file) => file.slos)).toEqual([['checkout-availability']]);
    expect(skipped).toEqual([
      {
        uid: 'search-logs',
        errors: [
          {
            path: 'sli.source',
            message: 'is a raw loki query: Prometheus rules need a Prometheus query builder (ratio, latency or threshold)',
          },
        ],
      },
    ]);
  });
});
