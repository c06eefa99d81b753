import { evaluateSlo } from './index';
import { increments, repeat } from './testing';
import type { SloInput } from './types';

const AT = Date.parse('2026-11-26T12:00:00Z');
const valid: SloInput = {
  total: [increments(repeat(10, 5), AT)],
  good: [increments(repeat(9, 5), AT)],
  objective: { target: 0.999, window: '30d' },
  at: AT,
};

/** Input that TypeScript would reject, as it may arrive from a file or a datasource. */
function loose(patch: Record<string, unknown>): SloInput {
  return { ...valid, ...patch } as SloInput;
}

describe('evaluateSlo: bad input names the field', () => {
  it.each<[string, SloInput, string]>([
    [
      'a target in percent',
      { ...valid, objective: { target: 99.9, window: '30d' } },
      'objective.target: must be a fraction between 0 and 1 (exclusive), e.g. 0.999, got 99.9',
    ],
    [
      'a target of 1',
      { ...valid, objective: { target: 1, window: '30d' } },
      'objective.target: must be a fraction between 0 and 1',
    ],
    ['a target of 0', { ...valid, objective: { target: 0, window: '30d' } }, 'objective.target:'],
    ['a missing objective', loose({ objective: undefined }), 'objective: required'],
    [
      'a window that does not parse',
      { ...valid, objective: { target: 0.99, window: '30 days' } },
      `objective.window: must be a duration like '30d'`,
    ],
    [
      'an unknown calendar period',
      { ...valid, objective: { target: 0.99, window: 'calendar:year' } },
      'objective.window: ',
    ],
    [
      'an unknown time zone',
      { ...valid, objective: { target: 0.99, window: 'calendar:month', timeZone: 'Mars/Olympus' } },
      'objective.timeZone: unknown time zone "Mars/Olympus"',
    ],
    [
      'an unknown budgeting method',
      loose({ objective: { target: 0.99, window: '7d', budgetingMethod: 'Slices' } }),
      'objective.budgetingMethod: must be one of Occurrences, Timeslices, RatioTimeslices',
    ],
    [
      'a bad slice length',
      { ...valid, objective: { target: 0.99, window: '7d', budgetingMethod: 'Timeslices', timeSliceWindow: 'soon' } },
      'objective.timeSliceWindow:',
    ],
    [
      'a bad slice target',
      { ...valid, objective: { target: 0.99, window: '7d', budgetingMethod: 'Timeslices', timeSliceTarget: 95 } },
      'objective.timeSliceTarget: must be a fraction in (0, 1], got 95',
    ],
    [
      'both good and bad',
      { ...valid, bad: [increments([1], AT)] },
      'good, bad: give exactly one of good and bad, got both',
    ],
    ['neither good nor bad', loose({ good: undefined }), 'good, bad: give exactly one of good and bad, got neither'],
    ['total that is not a list', loose({ total: { times: [], values: [] } }), 'total: must be a list of series'],
    [
      'an unknown series kind',
      loose({ total: [{ times: [1], values: [1], kind: 'gauge' }] }),
      `total[0].kind: must be 'counter' or 'increment', got "gauge"`,
    ],
    [
      'arrays of different lengths',
      { ...valid, good: [increments([1], AT), { kind: 'counter', times: [1, 2, 3], values: [1, 2] }] },
      'good[1]: times has 3 entries but values has 2',
    ],
    [
      'times not ascending',
      { ...valid, total: [{ kind: 'increment', times: [3, 2], values: [1, 1] }] },
      'total[0].times: must be strictly ascending, but times[1] = 2 follows 3',
    ],
    [
      'repeated times',
      { ...valid, total: [{ kind: 'increment', times: [3, 3], values: [1, 1] }] },
      'total[0].times: must be strictly ascending',
    ],
    [
      'a time that is not a number',
      { ...valid, total: [{ kind: 'increment', times: [1, NaN], values: [1, 1] }] },
      'total[0].times[1]: must be a finite number, got NaN',
    ],
    [
      'an evaluation time that is not a number',
      loose({ at: '2026-11-26' }),
      'at: must be a time in milliseconds since the epoch, got "2026-11-26"',
    ],
    [
      'a tier with an unknown severity',
      { ...valid, alertTiers: [{ severity: 'critical' as 'page', longWindow: '1h', shortWindow: '5m', factor: 14.4 }] },
      `alertTiers[0].severity: must be 'page' or 'ticket', got "critical"`,
    ],
    [
      'a tier window that does not parse',
      { ...valid, alertTiers: [{ severity: 'page', longWindow: '1 hour', shortWindow: '5m', factor: 14.4 }] },
      `alertTiers[0].longWindow: must be a duration like '1h', got "1 hour"`,
    ],
    [
      'a short window not shorter than the long one',
      { ...valid, alertTiers: [{ severity: 'page', longWindow: '1h', shortWindow: '1h', factor: 14.4 }] },
      'alertTiers[0].shortWindow: must be shorter than longWindow (1h)',
    ],
    [
      'a tier with both factor and share',
      {
        ...valid,
        alertTiers: [{ severity: 'page', longWindow: '1h', shortWindow: '5m', factor: 14.4, budgetShare: 0.02 }],
      },
      'alertTiers[0]: give exactly one of factor and budgetShare',
    ],
    [
      'a negative factor',
      { ...valid, alertTiers: [{ severity: 'page', longWindow: '1h', shortWindow: '5m', factor: -1 }] },
      'alertTiers[0].factor: must be a positive number, got -1',
    ],
    [
      'a budget share above 1',
      { ...valid, alertTiers: [{ severity: 'page', longWindow: '1h', shortWindow: '5m', budgetShare: 2 }] },
      'alertTiers[0].budgetShare: must be a fraction in (0, 1], got 2',
    ],
    [
      'a negative minimum of events',
      { ...valid, minEvents: -1 },
      'minEvents: must be a number of events, 0 or more, got -1',
    ],
    [
      'a fractional number of chart points',
      { ...valid, chartPoints: 2.5 },
      'chartPoints: must be a whole number, 1 or more, got 2.5',
    ],
  ])('rejects %s', (_, input, message) => {
    expect(() => evaluateSlo(input)).toThrow(message);
  });

  it('accepts the valid input the cases above start from', () => {
    expect(evaluateSlo(valid).events).toEqual({ good: 45, bad: 5, total: 50 });
  });
});
