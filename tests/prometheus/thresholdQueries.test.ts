/**
 * @jest-environment node
 *
 * The PromQL of threshold SLIs, run by the real Prometheus engine (`promtool test rules`): per
 * step, good counts the values that meet the threshold and total counts every value, NaN included.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

import { ruleFileYaml } from '../../src/prometheus';
import { thresholdQueries } from '../../src/prometheus/promql';
import { thresholdSlo } from '../../src/spec/testing';
import type { SloSpec, ThresholdOp } from '../../src/spec/types';
import { promtool, requirePromtool, temporaryDirectory } from './promtool';

let dir = '';

beforeAll(() => {
  requirePromtool();
  dir = temporaryDirectory('nines-threshold-');
});

afterAll(() => {
  if (dir !== '') {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Two series a minute apart: a goes 0.1, 0.5, NaN, (ends), 0.3; b stays at 0.2. */
const INPUT = [
  { series: 'latency_p99{instance="a"}', values: '0.1 0.5 NaN stale 0.3' },
  { series: 'latency_p99{instance="b"}', values: '0.2 0.2 0.2 0.2 0.2' },
];

interface Expectation {
  query: string;
  op: ThresholdOp;
  threshold: number;
  /** good and total at minutes 0 to 4; null where the query has no value. */
  points: Array<[good: number, total: number] | null>;
}

function runExpectations(expectations: Expectation[]): string {
  const tests = expectations.flatMap(({ query, op, threshold, points }) => {
    const { event, total } = thresholdQueries({ kind: 'prometheusThreshold', query, op, threshold });
    return points.flatMap((point, minute) =>
      [event, total].map((expr, index) => ({
        expr,
        eval_time: `${minute}m`,
        exp_samples: point === null ? [] : [{ labels: '{}', value: point[index] }],
      }))
    );
  });
  writeFileSync(join(dir, 'empty.rules.yml'), 'groups: []\n');
  const file = {
    rule_files: ['empty.rules.yml'],
    evaluation_interval: '1m',
    tests: [{ interval: '1m', input_series: INPUT, promql_expr_test: tests }],
  };
  writeFileSync(join(dir, 'threshold.test.yml'), stringify(file));
  const run = promtool(['test', 'rules', 'threshold.test.yml'], dir);
  if (run.status !== 0) {
    throw new Error(`promtool test rules failed:\n${run.output}`);
  }
  return run.output;
}

describe('threshold SLI queries in Prometheus', () => {
  it('count good and all points per step, a NaN value as bad and an ended series as no point', () => {
    const output = runExpectations([
      {
        query: 'latency_p99',
        op: 'lte',
        threshold: 0.3,
        points: [
          [2, 2],
          [1, 2],
          [1, 2],
          [1, 1],
          [2, 2],
        ],
      },
      {
        query: 'latency_p99',
        op: 'lt',
        threshold: 0.3,
        points: [
          [2, 2],
          [1, 2],
          [1, 2],
          [1, 1],
          [1, 2],
        ],
      },
      {
        query: 'latency_p99',
        op: 'gt',
        threshold: 0.15,
        points: [
          [1, 2],
          [2, 2],
          [1, 2],
          [1, 1],
          [2, 2],
        ],
      },
      {
        query: 'latency_p99',
        op: 'gte',
        threshold: 0.2,
        points: [
          [1, 2],
          [2, 2],
          [1, 2],
          [1, 1],
          [2, 2],
        ],
      },
    ]);
    expect(output).toContain('SUCCESS');
  });

  it('keep a query with operators, aggregations and a negative threshold whole', () => {
    runExpectations([
      {
        query: 'max(latency_p99) - 0.2 or vector(-1)',
        op: 'gt',
        threshold: -0.5,
        points: [
          [1, 1],
          [1, 1],
          [1, 1],
          [1, 1],
          [1, 1],
        ],
      },
      { query: 'latency_p99{instance="none"}', op: 'lte', threshold: 1e-7, points: [null, null, null, null, null] },
    ]);
  });

  it('give recording rules that promtool accepts and that record the share of bad minutes', () => {
    const slo: SloSpec = {
      ...thresholdSlo(),
      sli: {
        ...thresholdSlo().sli,
        source: { kind: 'prometheusThreshold', query: 'max(probe_latency)', op: 'lte', threshold: 0.3 },
      },
    };
    const [file] = ruleFileYaml([slo], { per: 'slo' }).files;
    writeFileSync(join(dir, file.name), file.yaml);
    const check = promtool(['check', 'rules', file.name], dir);
    expect(check.output).toContain('SUCCESS');
    const ratio = (window: string) => `nines:sli_error:ratio{nines_slo="checkout-p99",window="${window}"}`;
    const labels = (window: string) =>
      `{__name__="nines:sli_error:ratio", nines_service="checkout", nines_slo="checkout-p99", window="${window}"}`;
    const test = {
      rule_files: [file.name],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          // Ten good minutes (0.1 s), then bad ones (0.5 s).
          input_series: [{ series: 'probe_latency{instance="a"}', values: '0.1x9 0.5x20' }],
          promql_expr_test: [
            { expr: ratio('5m'), eval_time: '8m', exp_samples: [{ labels: labels('5m'), value: 0 }] },
            { expr: ratio('5m'), eval_time: '20m', exp_samples: [{ labels: labels('5m'), value: 1 }] },
          ],
        },
      ],
    };
    writeFileSync(join(dir, 'rules.test.yml'), stringify(test));
    const run = promtool(['test', 'rules', 'rules.test.yml'], dir);
    if (run.status !== 0) {
      throw new Error(`promtool test rules failed:\n${run.output}`);
    }
  });
});
