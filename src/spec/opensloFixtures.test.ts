/** @jest-environment node */
import { readFileSync } from 'fs';
import { join } from 'path';

import { canonicalSlo } from './canonical';
import { openSloToSlo, sloToOpenSlo } from './openslo';
import { validateSlo } from './validate';

const FIXTURES = join(__dirname, '../../tests/fixtures/openslo');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const PROM_EU = { uid: 'prom-eu', type: 'prometheus' };

describe('OpenSLO fixtures', () => {
  it.each(['inline-sli', 'referenced-sli', 'calendar-month', 'timeslices', 'bad-events', 'threshold'])(
    '%s.yaml imports to its expected spec, which exports and imports to itself',
    (name) => {
      const expected = validateSlo(JSON.parse(fixture(`${name}.expected.json`)));
      expect(expected.ok).toBe(true);
      const slo = expected.ok ? expected.slo : undefined;
      expect(openSloToSlo(fixture(`${name}.yaml`), { datasource: PROM_EU })).toEqual({
        ok: true,
        slos: [slo],
        errors: [],
      });
      if (slo) {
        expect(openSloToSlo(sloToOpenSlo(slo)).slos).toEqual([canonicalSlo(slo)]);
      }
    }
  );

  it('lists every problem of a bad file with its path and object, and imports nothing', () => {
    const result = openSloToSlo(fixture('bad-file.yaml'));
    expect(result.ok).toBe(false);
    expect(result.slos).toEqual([]);
    expect(result.errors.map(({ document, path }) => `${document} ${path}`)).toEqual([
      '0 spec.indicator.spec.thresholdMetric.metricSource.type',
      '0 spec.objectives[0].target',
      '0 spec.timeWindow[0].duration',
      '1 metadata.labels["cost.centre"]',
      '1 spec.objectives',
      '1 spec.timeWindow[0].duration',
      '1 spec.budgetingMethod',
      '1 metadata.annotations["nines.dev/alert-tiers"]',
      '1 spec.service',
      '1 spec.timeWindow[0].calendar.timeZone',
      '2 spec.indicatorRef',
      '2 spec.objectives[0].timeSliceTarget',
      '3 apiVersion',
    ]);
    expect(result.errors[0].message).toMatch(/^must be Prometheus: Nines reads a threshold metric as a PromQL query/);
    expect(result.errors[1]).toEqual({
      document: 0,
      path: 'spec.objectives[0].target',
      message: 'must be a fraction between 0 and 1 (exclusive), e.g. 0.999, got 1.5',
    });
    expect(result.errors[5].message).toBe(
      'must be 1w, 1M or 1Q for a calendar window (Nines has calendar weeks, months and quarters), got 2M'
    );
  });
});
