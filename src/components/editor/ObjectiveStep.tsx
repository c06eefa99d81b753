import React, { useMemo } from 'react';
import { Combobox, type ComboboxOption, Field, Input, RadioButtonGroup, Stack } from '@grafana/ui';
import { parseWindow, type BudgetingMethod } from '../../engine';
import { sloWindows } from '../../panels/slo/types';
import { DEFAULT_TIME_ZONE } from '../../spec/defaults';
import type { ObjectiveForm } from '../../spec/form';
import type { SpecError } from '../../spec/types';
import { fieldProps } from './fieldProps';

const METHODS: Array<{ value: BudgetingMethod; label: string; description: string }> = [
  { value: 'Occurrences', label: 'Occurrences', description: 'Good events out of all events in the window' },
  {
    value: 'Timeslices',
    label: 'Timeslices',
    description: 'Good slices of time: a slice is good when it meets the slice target',
  },
  {
    value: 'RatioTimeslices',
    label: 'Ratio timeslices',
    description: 'The average of the ratio of good events in each slice',
  },
];

let timeZones: Array<ComboboxOption<string>> | undefined;

/** Every IANA time zone the browser knows, UTC first. */
function timeZoneOptions(): Array<ComboboxOption<string>> {
  if (timeZones === undefined) {
    const names = Intl.supportedValuesOf('timeZone').filter((name) => name !== DEFAULT_TIME_ZONE);
    timeZones = [DEFAULT_TIME_ZONE, ...names].map((name) => ({ value: name, label: name }));
  }
  return timeZones;
}

interface ObjectiveStepProps {
  objective: ObjectiveForm;
  onChange: (objective: ObjectiveForm) => void;
  errors: SpecError[];
}

/** Target, window, budgeting method and, where they apply, time slices and the calendar's time zone. */
export function ObjectiveStep({ objective, onChange, errors }: ObjectiveStepProps) {
  const change = (patch: Partial<ObjectiveForm>) => onChange({ ...objective, ...patch });
  const field = (path: string) => fieldProps(errors, path);
  // A window typed elsewhere (a file, the panel) stays selectable.
  const windows = useMemo(
    () =>
      sloWindows.some((option) => option.value === objective.window)
        ? sloWindows
        : [...sloWindows, { value: objective.window, label: objective.window }],
    [objective.window]
  );
  const calendar = parseWindow(objective.window)?.kind === 'calendar';
  const sliced = objective.budgetingMethod !== 'Occurrences';

  return (
    <Stack direction="column" gap={0}>
      <Field
        label="Target"
        description="The percentage of good events the SLO promises, e.g. 99.9"
        {...field('objective.target')}
      >
        <Input
          id="nines-objective-target"
          width={16}
          suffix="%"
          value={objective.target}
          onChange={(event) => change({ target: event.currentTarget.value })}
        />
      </Field>
      <Field label="Window" description="The period the target applies to" {...field('objective.window')}>
        <Combobox
          id="nines-objective-window"
          width={30}
          options={windows}
          value={objective.window}
          createCustomValue
          onChange={(option) => change({ window: option.value })}
        />
      </Field>
      {calendar && (
        <Field
          label="Time zone"
          description="Where calendar weeks, months and quarters start"
          {...field('objective.timeZone')}
        >
          <Combobox
            id="nines-objective-time-zone"
            width={30}
            options={timeZoneOptions()}
            value={objective.timeZone}
            onChange={(option) => change({ timeZone: option.value })}
          />
        </Field>
      )}
      <Field label="Budgeting method" {...field('objective.budgetingMethod')}>
        <RadioButtonGroup
          options={METHODS}
          value={objective.budgetingMethod}
          onChange={(budgetingMethod) => change({ budgetingMethod })}
        />
      </Field>
      {sliced && (
        <Field
          label="Time slice window"
          description="The length of one slice, e.g. 5m"
          {...field('objective.timeSliceWindow')}
        >
          <Input
            id="nines-objective-time-slice-window"
            width={16}
            value={objective.timeSliceWindow}
            onChange={(event) => change({ timeSliceWindow: event.currentTarget.value.trim() })}
          />
        </Field>
      )}
      {objective.budgetingMethod === 'Timeslices' && (
        <Field
          label="Time slice target"
          description="The percentage of good events that makes a slice good; blank for the target"
          {...field('objective.timeSliceTarget')}
        >
          <Input
            id="nines-objective-time-slice-target"
            width={16}
            suffix="%"
            value={objective.timeSliceTarget}
            onChange={(event) => change({ timeSliceTarget: event.currentTarget.value })}
          />
        </Field>
      )}
    </Stack>
  );
}
