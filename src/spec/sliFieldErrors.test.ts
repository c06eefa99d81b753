import { describeSliError, errorAt, errorExactlyAt, unplacedErrors } from './sliFieldErrors';

const errors = [
  { path: 'sli.source.metric', message: 'must be a Prometheus metric name' },
  { path: 'sli.source.matchers[0].value', message: 'looks like a secret' },
  { path: 'sli.source.matchers', message: 'must be a list' },
  { path: 'sli.source.eventQuery.expr', message: 'must be the PromQL of the query' },
  { path: 'sli.eventKind', message: 'must be good for a latency SLI' },
  { path: 'name', message: 'is required' },
];

describe('SLI field errors', () => {
  it('gives a field its errors and those inside it, naming what inside is wrong', () => {
    expect(errorAt(errors, 'sli.source.metric')).toBe('must be a Prometheus metric name');
    expect(errorAt(errors, 'sli.source.matchers[0]')).toBe('value: looks like a secret');
    expect(errorAt(errors, 'sli.source.eventQuery')).toBe('expr: must be the PromQL of the query');
    expect(errorAt(errors, 'sli.source.thresholdLe')).toBeUndefined();
  });

  it("gives a list its own errors without its entries'", () => {
    expect(errorExactlyAt(errors, 'sli.source.matchers')).toBe('must be a list');
  });

  it('sets apart the SLI errors no field of the mode shows', () => {
    expect(unplacedErrors(errors, 'prometheusLatency')).toEqual([
      { path: 'sli.source.eventQuery.expr', message: 'must be the PromQL of the query' },
      { path: 'sli.eventKind', message: 'must be good for a latency SLI' },
    ]);
    expect(unplacedErrors(errors, 'prometheusRatio').map((error) => error.path)).toEqual([
      'sli.source.eventQuery.expr',
    ]);
  });

  it("words an error with its field's label", () => {
    expect(describeSliError(errors[0])).toBe('Metric: must be a Prometheus metric name');
    expect(describeSliError(errors[1])).toBe('Label matchers: [0].value: looks like a secret');
    expect(describeSliError({ path: 'sli.source.kind', message: 'must be raw' })).toBe('sli.source.kind: must be raw');
  });
});
