import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, SelectableValue } from '@grafana/data';
import { Field, FilterInput, MultiSelect, RadioButtonGroup, Stack, useStyles2 } from '@grafana/ui';
import { testIds } from '../testIds';
import { distinct, type SloListFilter, type SloRow, type SloSortKey } from './sloList';

const SORT_OPTIONS: Array<SelectableValue<SloSortKey>> = [
  { label: 'Name', value: 'name' },
  { label: 'Service', value: 'service' },
  { label: 'Team', value: 'team' },
  { label: 'Risk', value: 'risk', description: 'Least error budget left first' },
];

export interface SloListFiltersProps {
  /** The rows of the page, whose values the filters offer. */
  rows: SloRow[];
  search: string;
  onSearch: (search: string) => void;
  filter: SloListFilter;
  onFilter: (filter: SloListFilter) => void;
}

const valuesOf = (selected: Array<SelectableValue<string>>) =>
  selected.flatMap((item) => (item.value === undefined ? [] : [item.value]));

const optionsOf = (values: string[]) => distinct(values).map((value) => ({ label: value, value }));

/** The list's search (sent to Grafana), its filters by service, team and label, and its order. */
export function SloListFilters({ rows, search, onSearch, filter, onFilter }: SloListFiltersProps) {
  const styles = useStyles2(getStyles);
  return (
    <Stack direction="row" gap={2} wrap="wrap" alignItems="flex-end">
      <Field label="Search" className={styles.search}>
        <FilterInput
          data-testid={testIds.slosPage.search}
          placeholder="Name or description"
          value={search}
          onChange={onSearch}
        />
      </Field>
      <Field label="Service" data-testid={testIds.slosPage.serviceFilter}>
        <MultiSelect
          aria-label="Service"
          options={optionsOf(rows.map((row) => row.service))}
          value={filter.services}
          onChange={(selected) => onFilter({ ...filter, services: valuesOf(selected) })}
          placeholder="All services"
          width={28}
        />
      </Field>
      <Field label="Team" data-testid={testIds.slosPage.teamFilter}>
        <MultiSelect
          aria-label="Team"
          options={optionsOf(rows.map((row) => row.team))}
          value={filter.teams}
          onChange={(selected) => onFilter({ ...filter, teams: valuesOf(selected) })}
          placeholder="All teams"
          width={28}
        />
      </Field>
      <Field label="Labels" data-testid={testIds.slosPage.labelFilter}>
        <MultiSelect
          aria-label="Labels"
          options={optionsOf(rows.flatMap((row) => row.labels))}
          value={filter.labels}
          onChange={(selected) => onFilter({ ...filter, labels: valuesOf(selected) })}
          placeholder="Any labels"
          width={32}
        />
      </Field>
      <Field label="Sort by">
        <RadioButtonGroup
          options={SORT_OPTIONS}
          value={filter.sort}
          onChange={(sort) => onFilter({ ...filter, sort })}
        />
      </Field>
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  search: css({ minWidth: theme.spacing(32), flex: 1 }),
});
