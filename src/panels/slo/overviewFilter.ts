/** The overview view's filter options (text with template variables) as the overview's filter. */
import type { InterpolateFunction } from '@grafana/data';
import type { OverviewFilter } from '../../overview/filter';
import type { OverviewPanelOptions } from './types';

// What a multi-value variable set to All can leave behind when it has no values to list.
const ALL = new Set(['$__all', 'All']);

/**
 * The names in one filter option: variables replaced in Grafana's csv format (so a multi-value
 * variable gives each of its values), split on commas, trimmed, without empties, All, or repeats.
 */
export function filterValues(option: string, replaceVariables: InterpolateFunction): string[] {
  const values = replaceVariables(option, undefined, 'csv')
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '' && !ALL.has(value));
  return [...new Set(values)];
}

export function overviewFilterFromOptions(
  options: Pick<OverviewPanelOptions, 'teams' | 'services' | 'labels'>,
  replaceVariables: InterpolateFunction
): OverviewFilter {
  return {
    teams: filterValues(options.teams, replaceVariables),
    services: filterValues(options.services, replaceVariables),
    labels: filterValues(options.labels, replaceVariables),
  };
}

/** The filter in words, for the message when no SLO matches it, e.g. `team payments, service checkout`. */
export function describeFilter(filter: OverviewFilter): string {
  const parts = [
    ...(filter.teams.length > 0 ? [`team ${filter.teams.join(' or ')}`] : []),
    ...(filter.services.length > 0 ? [`service ${filter.services.join(' or ')}`] : []),
    ...(filter.labels.length > 0 ? [`label ${filter.labels.join(' or ')}`] : []),
  ];
  return parts.join(', ');
}
