import React from 'react';
import { Field, MultiCombobox, Stack, type ComboboxOption } from '@grafana/ui';
import type { FilterChoices, OverviewFilter } from '../../overview';
import { testIds } from '../testIds';

export interface OverviewFiltersProps {
  choices: FilterChoices;
  filter: OverviewFilter;
  onChange: (filter: OverviewFilter) => void;
}

const optionsOf = (values: string[]): Array<ComboboxOption<string>> => values.map((value) => ({ label: value, value }));
const valuesOf = (selected: Array<ComboboxOption<string>>) => selected.map((option) => option.value);

/** Narrows the overview to teams, services and labels (several of one kind: any of them). */
export function OverviewFilters({ choices, filter, onChange }: OverviewFiltersProps) {
  return (
    <div data-testid={testIds.overview.filters}>
      <Stack direction="row" gap={2} wrap="wrap" alignItems="flex-end">
        <Field label="Team" data-testid={testIds.overview.teamFilter} noMargin>
          <MultiCombobox
            aria-label="Team"
            options={optionsOf(choices.teams)}
            value={filter.teams}
            onChange={(selected) => onChange({ ...filter, teams: valuesOf(selected) })}
            placeholder="All teams"
            width={28}
            isClearable
          />
        </Field>
        <Field label="Service" data-testid={testIds.overview.serviceFilter} noMargin>
          <MultiCombobox
            aria-label="Service"
            options={optionsOf(choices.services)}
            value={filter.services}
            onChange={(selected) => onChange({ ...filter, services: valuesOf(selected) })}
            placeholder="All services"
            width={28}
            isClearable
          />
        </Field>
        <Field label="Labels" data-testid={testIds.overview.labelFilter} noMargin>
          <MultiCombobox
            aria-label="Labels"
            options={optionsOf(choices.labels)}
            value={filter.labels}
            onChange={(selected) => onChange({ ...filter, labels: valuesOf(selected) })}
            placeholder="Any labels"
            width={32}
            isClearable
          />
        </Field>
      </Stack>
    </div>
  );
}
