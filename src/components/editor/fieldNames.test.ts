import { describeError, errorText, fieldName } from './fieldNames';
import { nextStep, previousStep, stepOf } from './steps';

describe('fieldName', () => {
  it.each([
    ['objective.target', 'Target'],
    ['objective.timeZone', 'Time zone'],
    ['runbookUrl', 'Runbook URL'],
    ['labels[2].key', 'Label 3 name'],
    ['labels.env', 'Label "env"'],
    ['labels["a b"]', 'Label "a b"'],
    ['alerting.tiers[1].shortWindow', 'Alert tier 2 short window'],
    ['alerting.tiers[0]', 'Alert tier 1'],
    ['alerting.minEvents', 'Minimum events'],
    ['sli.source.metric', 'SLI source.metric'],
  ])('calls %s %s', (path, name) => {
    expect(fieldName(path)).toBe(name);
  });
});

describe('describeError', () => {
  it('makes one sentence of the field and a message that goes on from it', () => {
    expect(describeError({ path: 'name', message: 'is required' })).toBe('Name is required');
    expect(describeError({ path: 'objective.target', message: 'must be a number like 99.9, got "x"' })).toBe(
      'Target must be a number like 99.9, got "x"'
    );
  });

  it('puts a colon before other messages', () => {
    expect(describeError({ path: 'labels["a b"]', message: 'label names must match [a-zA-Z_]' })).toBe(
      'Label "a b": label names must match [a-zA-Z_]'
    );
    expect(errorText([])).toBeUndefined();
  });
});

describe('steps', () => {
  it.each([
    ['sli.source.eventMatchers[0].name', 'sli'],
    ['objective.timeSliceWindow', 'objective'],
    ['alerting.tiers[3].budgetShare', 'alerting'],
    ['labels[0].key', 'details'],
    ['labels.env', 'details'],
    ['folderUid', 'details'],
    ['uid', 'details'],
    ['', 'review'],
  ])('puts %s on the %s step', (path, step) => {
    expect(stepOf(path)).toBe(step);
  });

  it('goes forward and back, stopping at the ends', () => {
    expect(nextStep('sli')).toBe('objective');
    expect(nextStep('review')).toBe('review');
    expect(previousStep('objective')).toBe('sli');
    expect(previousStep('sli')).toBe('sli');
  });
});
