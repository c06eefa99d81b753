import type { InterpolateFunction } from '@grafana/data';
import { describeFilter, filterValues, overviewFilterFromOptions } from './overviewFilter';

/** Replaces `$team` as Grafana does for a multi-value variable, in the format asked for. */
function variables(values: Record<string, string[]>): InterpolateFunction {
  return (text, _scopedVars, format) =>
    text.replace(/\$(\w+)/g, (name, key: string) => {
      const chosen = values[key];
      if (!chosen) {
        return name;
      }
      return format === 'csv' ? chosen.join(',') : `{${chosen.join(',')}}`;
    });
}

describe('filterValues', () => {
  it('splits a multi-value variable into its values through the csv format', () => {
    expect(filterValues('$team', variables({ team: ['payments', 'search'] }))).toEqual(['payments', 'search']);
  });

  it('trims, drops empties and repeats, and mixes variables with literal names', () => {
    expect(filterValues(' checkout, ,$service,checkout ', variables({ service: ['search'] }))).toEqual([
      'checkout',
      'search',
    ]);
  });

  it('reads All as no restriction', () => {
    expect(filterValues('$team', variables({ team: ['$__all'] }))).toEqual([]);
    expect(filterValues('All', variables({}))).toEqual([]);
  });

  it('gives nothing for an empty option', () => {
    expect(filterValues('', variables({}))).toEqual([]);
  });
});

describe('overviewFilterFromOptions', () => {
  it('reads teams, services and key=value labels', () => {
    expect(
      overviewFilterFromOptions(
        { teams: '$team', services: 'checkout', labels: 'tier=1, env=$env' },
        variables({ team: ['payments'], env: ['prod'] })
      )
    ).toEqual({ teams: ['payments'], services: ['checkout'], labels: ['tier=1', 'env=prod'] });
  });
});

describe('describeFilter', () => {
  it('names each restriction with its alternatives', () => {
    expect(describeFilter({ teams: ['payments', 'search'], services: [], labels: ['tier=1'] })).toBe(
      'team payments or search, label tier=1'
    );
  });
});
